package io.mediahooks.core.format.cloudevents;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.core.internal.PayloadAccess;
import io.mediahooks.core.internal.json.JsonDialect;
import io.mediahooks.core.internal.json.JsonWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Media events as <a href="https://cloudevents.io">CloudEvents 1.0</a> over HTTP: the open,
 * vendor-neutral standard (CNCF) for describing events, for hosts and receivers that want a
 * documented contract and off-the-shelf SDKs (Java, Go, JavaScript, Python, .NET, ...) instead of
 * one vendor's webhook shape.
 *
 * <p><b>Content modes</b> (CloudEvents HTTP Protocol Binding 1.0.2, section 3):
 * <ul>
 *   <li>{@link Mode#STRUCTURED} (the default): the whole event is the JSON body (JSON Event
 *       Format), {@code Content-Type: application/cloudevents+json}, no extra headers.
 *   <li>{@link Mode#BINARY}: the body is the event's {@code data} only, {@code Content-Type:
 *       application/json} (the {@code datacontenttype}), and every other attribute is a
 *       {@code ce-} header ({@code ce-specversion}, {@code ce-id}, {@code ce-source},
 *       {@code ce-type}, {@code ce-subject}, {@code ce-time}, ...). Header values are
 *       percent-encoded as section 3.1.3.2 requires: space, {@code "}, {@code %} and everything
 *       outside U+0021-U+007E as upper-case {@code %XY} of the UTF-8 bytes.
 * </ul>
 *
 * <p><b>Attributes.</b>
 * <ul>
 *   <li>{@code specversion}: {@code "1.0"}.
 *   <li>{@code id}: {@link MediaEvent#id()}, the same for every attempt, so receivers can
 *       deduplicate on {@code source} + {@code id} as the spec intends.
 *   <li>{@code source}: the first of: {@link Builder#source(String)} (a fixed URI-reference for
 *       this endpoint), {@link EventSource#siteUrl()} of the event, {@code
 *       urn:mediahooks:<serviceId>} from {@link EventSource#serviceId()} (percent-encoded),
 *       {@link Builder#defaultSource(String)}. When none is available rendering throws {@link
 *       FormatException}: {@code source} is required.
 *   <li>{@code type}: {@code io.mediahooks.media.created}, {@code .updated} or {@code .deleted}
 *       (reverse-DNS prefix as the spec recommends; change it with {@link
 *       Builder#typePrefix(String)}). It is also the payload's event name.
 *   <li>{@code subject}: the asset id ({@link io.mediahooks.core.MediaSnapshot#id()} of the
 *       latest snapshot); optional in the spec, which forbids an empty one, so it is left out when
 *       the asset has no id.
 *   <li>{@code time}: {@link MediaEvent#occurredAt()} as RFC 3339 in UTC ({@code
 *       2021-10-20T18:43:54Z}, with a fraction of 3, 6 or 9 digits only when non-zero).
 *   <li>{@code datacontenttype}: {@code application/json} (in binary mode, the
 *       {@code Content-Type} header); {@code dataschema} when configured; then the configured
 *       {@link Builder#extensionAttribute(String, String) extension attributes}.
 * </ul>
 *
 * <p><b>Data</b>: a neutral rendering of the event, the same in both modes:
 *
 * <pre>{@code
 * {"changes":["rename"],
 *  "before":{"id":"a1","url":"https://cdn.example.com/a.jpg","fileName":"harbour.jpg",...},
 *  "after":{"id":"a1","url":"https://cdn.example.com/a.jpg","fileName":"harbour-at-dusk.jpg",...},
 *  "actor":"user-42",
 *  "diff":[{"field":"fileName","before":"harbour.jpg","after":"harbour-at-dusk.jpg"}]}
 * }</pre>
 *
 * {@code changes} are the {@link io.mediahooks.core.MediaChange} names in lower case. A snapshot
 * has every {@link io.mediahooks.core.MediaSnapshot} field under its accessor's name, in accessor
 * order, <b>always present</b>: a field that is not set is {@code null} (lists are {@code []},
 * {@code metadata} and {@code extensions} are {@code {}}), so receivers see one fixed schema.
 * Likewise {@code before} is {@code null} for a creation, {@code after} for a deletion, {@code
 * actor} when unknown. Times are RFC 3339 strings, {@code duration} is in seconds (a number,
 * fractional when needed), metadata values are a string, an array of strings or a {@code
 * {locale: string}} object. {@code diff} is {@link MediaEvent#diff()}: one entry per changed
 * field ({@code "fileName"}, {@code "metadata.copyright"}, ...), {@code null} meaning "not set"
 * on that side. Snapshot {@code extensions} can be left out with {@link
 * Builder#includeExtensions(boolean)}.
 *
 * <p><b>Bytes</b>: compact JSON as JavaScript's {@code JSON.stringify} writes it (UTF-8, no
 * whitespace, non-ASCII unescaped). Every event has a message, so {@link #skipReason(MediaEvent)}
 * is always empty; the attempt does not change the bytes.
 *
 * <p>Get one with {@link #structured()}, {@link #binary()} or {@link #builder()}. Instances are
 * immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookFormat cloudEvents = CloudEventsFormat.builder()
 *     .mode(CloudEventsFormat.Mode.BINARY)
 *     .defaultSource("https://dam.example.com")
 *     .extensionAttribute("tenant", "acme")
 *     .build();
 * }</pre>
 */
public final class CloudEventsFormat implements WebhookFormat {
  /** The {@code specversion} this format writes: {@value}. */
  public static final String SPEC_VERSION = "1.0";

  /** The structured-mode {@code Content-Type}, the JSON Event Format's media type: {@value}. */
  public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

  /** The {@code datacontenttype}, and the binary-mode {@code Content-Type}: {@value}. */
  public static final String DATA_CONTENT_TYPE = "application/json";

  /** The default prefix of {@code type}: {@value}. */
  public static final String DEFAULT_TYPE_PREFIX = "io.mediahooks.media";

  /**
   * How the event is mapped onto the HTTP request (HTTP Protocol Binding section 3).
   *
   * <pre>{@code
   * CloudEventsFormat format = CloudEventsFormat.builder().mode(CloudEventsFormat.Mode.BINARY)
   *     .build();
   * }</pre>
   */
  public enum Mode {
    /** The event as one JSON document, {@code Content-Type: application/cloudevents+json}. */
    STRUCTURED,
    /** The data as the body, attributes as {@code ce-*} headers. */
    BINARY
  }

  private final Mode mode;
  private final @Nullable String source;
  private final @Nullable String defaultSource;
  private final String typePrefix;
  private final @Nullable String dataSchema;
  private final Map<String, String> extensionAttributes;
  private final boolean includeExtensions;

  private CloudEventsFormat(Builder b) {
    this.mode = b.mode;
    this.source = b.source;
    this.defaultSource = b.defaultSource;
    this.typePrefix = b.typePrefix;
    this.dataSchema = b.dataSchema;
    this.extensionAttributes =
        Collections.unmodifiableMap(new LinkedHashMap<>(b.extensionAttributes));
    this.includeExtensions = b.includeExtensions;
  }

  /**
   * Returns a structured-mode format with the defaults.
   *
   * @return a new format
   */
  public static CloudEventsFormat structured() {
    return builder().build();
  }

  /**
   * Returns a binary-mode format with the defaults.
   *
   * @return a new format
   */
  public static CloudEventsFormat binary() {
    return builder().mode(Mode.BINARY).build();
  }

  /**
   * Returns a builder: structured mode, source from the event, type prefix {@value
   * #DEFAULT_TYPE_PREFIX}, no data schema, no extension attributes, snapshot extensions included.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns {@code "cloudevents"}.
   *
   * @return the format's name
   */
  @Override
  public String name() {
    return "cloudevents";
  }

  /**
   * The content mode.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * The {@code type} attribute for events of one type: the prefix, a dot and the type in lower
   * case.
   *
   * @param type the event type
   * @return the CloudEvents type, for example {@code io.mediahooks.media.created}
   */
  public String typeOf(MediaEventType type) {
    if (type == null) {
      throw new NullPointerException("type must not be null");
    }
    return typePrefix + "." + type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Renders the event as a CloudEvent; never empty.
   *
   * @param event the event
   * @param attempt the delivery attempt (not used: every attempt sends the same event)
   * @return the payload
   * @throws FormatException if no {@code source} can be found, or the event id or asset id is not
   *     a valid CloudEvents String (control characters, lone surrogates), or the time is outside
   *     the years RFC 3339 can write
   */
  @Override
  public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
    if (event == null) {
      throw new NullPointerException("event must not be null");
    }
    if (attempt == null) {
      throw new NullPointerException("attempt must not be null");
    }
    String type = typeOf(event.type());
    String id = eventString(event.id(), "id", "MediaEvent.id");
    String src = sourceOf(event.source());
    String assetId = event.latest().id();
    String subject = assetId == null ? null : eventString(assetId, "subject", "MediaSnapshot.id");
    String time = Rfc3339.format(event.occurredAt(), "time (MediaEvent.occurredAt)");
    Map<String, @Nullable Object> data = EventData.of(event, includeExtensions);

    if (mode == Mode.BINARY) {
      WebhookPayload.Builder payload = PayloadAccess.builder(
          type, DATA_CONTENT_TYPE, JsonWriter.toBytes(data, JsonDialect.JAVASCRIPT));
      payload.header("ce-specversion", SPEC_VERSION);
      payload.header("ce-id", Attributes.headerValue(id));
      payload.header("ce-source", Attributes.headerValue(src));
      payload.header("ce-type", Attributes.headerValue(type));
      if (subject != null) {
        payload.header("ce-subject", Attributes.headerValue(subject));
      }
      payload.header("ce-time", time);
      if (dataSchema != null) {
        payload.header("ce-dataschema", Attributes.headerValue(dataSchema));
      }
      for (Map.Entry<String, String> e : extensionAttributes.entrySet()) {
        payload.header("ce-" + e.getKey(), Attributes.headerValue(e.getValue()));
      }
      return Optional.of(payload.build());
    }
    Map<String, @Nullable Object> ce = new LinkedHashMap<>();
    ce.put("specversion", SPEC_VERSION);
    ce.put("id", id);
    ce.put("source", src);
    ce.put("type", type);
    if (subject != null) {
      ce.put("subject", subject);
    }
    ce.put("time", time);
    ce.put("datacontenttype", DATA_CONTENT_TYPE);
    if (dataSchema != null) {
      ce.put("dataschema", dataSchema);
    }
    ce.putAll(extensionAttributes);
    ce.put("data", data);
    return Optional.of(PayloadAccess.builder(
        type, STRUCTURED_CONTENT_TYPE, JsonWriter.toBytes(ce, JsonDialect.JAVASCRIPT)).build());
  }

  @Override
  public String toString() {
    return "CloudEventsFormat{mode=" + mode + ", typePrefix=" + typePrefix + '}';
  }

  private String sourceOf(EventSource eventSource) {
    if (source != null) {
      return source;
    }
    if (eventSource.siteUrl() != null) {
      return eventSource.siteUrl();
    }
    String serviceId = eventSource.serviceId();
    if (serviceId != null) {
      return "urn:mediahooks:" + Attributes.urnPart(serviceId);
    }
    if (defaultSource != null) {
      return defaultSource;
    }
    throw new FormatException("cloudevents: source is required but the event's EventSource has"
        + " neither siteUrl nor serviceId; set one, or configure CloudEventsFormat.Builder"
        + ".source(...) or .defaultSource(...)");
  }

  private static String eventString(String value, String attribute, String from) {
    String problem = Attributes.stringProblem(value);
    if (problem != null) {
      throw new FormatException(
          "cloudevents: " + attribute + " (from " + from + ") " + problem
              + ", which a CloudEvents String may not contain");
    }
    return value;
  }

  /**
   * Builds a {@link CloudEventsFormat}. Not thread-safe; the built format is.
   *
   * <pre>{@code
   * CloudEventsFormat format = CloudEventsFormat.builder()
   *     .source("https://dam.example.com/tenants/acme")
   *     .typePrefix("com.example.dam.asset")
   *     .dataSchema("https://dam.example.com/schemas/asset-event.json")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Mode mode = Mode.STRUCTURED;
    private @Nullable String source;
    private @Nullable String defaultSource;
    private String typePrefix = DEFAULT_TYPE_PREFIX;
    private @Nullable String dataSchema;
    private final Map<String, String> extensionAttributes = new LinkedHashMap<>();
    private boolean includeExtensions = true;

    private Builder() {}

    /**
     * Sets the content mode. Default: {@link Mode#STRUCTURED}.
     *
     * @param mode the mode
     * @return this builder
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder mode(Mode mode) {
      if (mode == null) {
        throw new NullPointerException("mode must not be null");
      }
      this.mode = mode;
      return this;
    }

    /**
     * Sets a fixed {@code source} for every event, overriding the event's {@link EventSource}.
     * Default: none (the source comes from the event).
     *
     * @param source a non-empty URI-reference, for example {@code https://dam.example.com} or
     *     {@code /tenants/acme}; null to clear
     * @return this builder
     * @throws IllegalArgumentException if {@code source} is empty or not a URI-reference
     */
    public Builder source(@Nullable String source) {
      this.source = source == null ? null : uriReference(source, "source", false);
      return this;
    }

    /**
     * Sets the {@code source} used when the event's {@link EventSource} has neither a site URL
     * nor a service id. Default: none (such an event cannot be rendered).
     *
     * @param defaultSource a non-empty URI-reference, or null to clear
     * @return this builder
     * @throws IllegalArgumentException if {@code defaultSource} is empty or not a URI-reference
     */
    public Builder defaultSource(@Nullable String defaultSource) {
      this.defaultSource =
          defaultSource == null ? null : uriReference(defaultSource, "defaultSource", false);
      return this;
    }

    /**
     * Sets the prefix of {@code type}; the type is the prefix, a dot and {@code created},
     * {@code updated} or {@code deleted}. Default:
     * {@value CloudEventsFormat#DEFAULT_TYPE_PREFIX}.
     *
     * @param typePrefix a reverse-DNS style prefix, for example {@code com.example.dam.asset}
     * @return this builder
     * @throws IllegalArgumentException if {@code typePrefix} is blank or not a valid CloudEvents
     *     String (control characters)
     * @throws NullPointerException if {@code typePrefix} is null
     */
    public Builder typePrefix(String typePrefix) {
      if (typePrefix == null) {
        throw new NullPointerException("typePrefix must not be null");
      }
      if (typePrefix.isBlank()) {
        throw new IllegalArgumentException("typePrefix must not be blank");
      }
      String problem = Attributes.stringProblem(typePrefix);
      if (problem != null) {
        throw new IllegalArgumentException("typePrefix " + problem);
      }
      this.typePrefix = typePrefix;
      return this;
    }

    /**
     * Sets the {@code dataschema} attribute. Default: none.
     *
     * @param dataSchema an absolute URI of the schema {@code data} adheres to, or null to clear
     * @return this builder
     * @throws IllegalArgumentException if {@code dataSchema} is not an absolute URI
     */
    public Builder dataSchema(@Nullable String dataSchema) {
      this.dataSchema = dataSchema == null ? null : uriReference(dataSchema, "dataSchema", true);
      return this;
    }

    /**
     * Adds a static extension attribute to every event (a {@code ce-<name>} header in binary
     * mode). Setting a name again replaces its value.
     *
     * @param name lower-case ASCII letters and digits, not a spec attribute; at most 20
     *     characters is recommended by the spec
     * @param value a non-empty CloudEvents String
     * @return this builder
     * @throws IllegalArgumentException if the name is not a valid or is a reserved attribute
     *     name, or the value is empty or has control characters
     * @throws NullPointerException if an argument is null
     */
    public Builder extensionAttribute(String name, String value) {
      if (name == null || value == null) {
        throw new NullPointerException((name == null ? "name" : "value") + " must not be null");
      }
      if (!Attributes.isValidName(name)) {
        throw new IllegalArgumentException("extension attribute name \"" + name + "\" must be"
            + " lower-case ASCII letters and digits only (CloudEvents attribute naming)");
      }
      if (Attributes.RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "extension attribute name \"" + name + "\" is a CloudEvents context attribute");
      }
      String problem = Attributes.stringProblem(value);
      if (problem != null) {
        throw new IllegalArgumentException("value of extension attribute " + name + " " + problem);
      }
      extensionAttributes.put(name, value);
      return this;
    }

    /**
     * Whether snapshot {@code extensions} (vendor data the host attached) are part of
     * {@code data}. Default: true, so {@code data} has every snapshot field.
     *
     * @param includeExtensions false to leave the {@code extensions} key out of the snapshots
     * @return this builder
     */
    public Builder includeExtensions(boolean includeExtensions) {
      this.includeExtensions = includeExtensions;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return a new immutable format
     */
    public CloudEventsFormat build() {
      return new CloudEventsFormat(this);
    }

    private static String uriReference(String value, String name, boolean absolute) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      String problem = Attributes.stringProblem(value);
      if (problem != null) {
        throw new IllegalArgumentException(name + " " + problem);
      }
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            name + " is not a valid URI-reference: " + e.getMessage(), e);
      }
      if (absolute && !uri.isAbsolute()) {
        throw new IllegalArgumentException(
            name + " must be an absolute URI (with a scheme), was \"" + value + '"');
      }
      return value;
    }
  }
}
