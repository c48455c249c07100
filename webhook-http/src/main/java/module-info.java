/**
 * mediahooks delivery: the {@code MediaWebhooks} façade, endpoints, auth,
 * signing, retries, dead letters, the destination guard and the OkHttp transport.
 */
module io.mediahooks.http {
  requires transitive io.mediahooks.core;
  requires transitive okhttp3; // OkHttpTransport.Builder takes an OkHttpClient and a Dns
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports io.mediahooks.http;
  exports io.mediahooks.http.okhttp;
}
