/**
 * mediahooks core: the media event model, the {@link io.mediahooks.core.WebhookFormat} SPI and one
 * package per vendor wire format. It knows nothing of HTTP.
 */
module io.mediahooks.core {
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports io.mediahooks.core;
  exports io.mediahooks.core.format.microcms;
  exports io.mediahooks.core.format.betterez;
  exports io.mediahooks.core.format.fotoware;
  exports io.mediahooks.core.format.filerobot;
  exports io.mediahooks.core.format.cloudevents;

  // Shared implementation (header checks), for our own delivery module only.
  exports io.mediahooks.core.internal to
      io.mediahooks.http;
}
