package io.mediahooks.core.format.microcms;

import io.mediahooks.core.Attempt;
import io.mediahooks.core.EventSource;
import io.mediahooks.core.FormatException;
import io.mediahooks.core.MediaChange;
import io.mediahooks.core.MediaEvent;
import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.MediaSnapshot;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.WebhookPayload;
import io.mediahooks.core.internal.ChangeSets;
import io.mediahooks.core.internal.PayloadAccess;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The microCMS media webhook ("メディア管理 → メディア設定"), byte for byte.
 *
 * <p>Rules, with their marks in {@code wire-formats.md} section 1 ([C] confirmed by the vendor
 * doc S1, [I] inferred, [?] unknown):
 *
 * <ul>
 *   <li>Body: one JSON object with the keys {@code service}, {@code type}, {@code old},
 *       {@code new} in that order [C]. {@code service} is the service's subdomain [C];
 *       {@code type} is {@code "new"}, {@code "edit"} or {@code "delete"} for {@link
 *       MediaEventType#CREATED}, {@link MediaEventType#UPDATED} and {@link
 *       MediaEventType#DELETED} [C].
 *   <li>{@code old} is present and {@code null} on {@code new}; {@code new} is present and
 *       {@code null} on {@code delete} [C].
 *   <li>Each of {@code old}/{@code new} is {@code {"url", "width", "height", "alt"}} in that order
 *       [C]. {@code url} is {@link MediaSnapshot#url()} and required: the payload has no id, file
 *       name, size or timestamp, so the URL is the only way a receiver can identify the media
 *       [C by absence]. {@code width} and {@code height} are JSON integers, always present, and
 *       {@code null} for non-image files (video included) [C]; an image whose dimensions are unknown also gets {@code null}. {@code
 *       alt} is present only when the file is an image ({@link MediaSnapshot#isImage()}) <em>and</em>
 *       {@link MediaSnapshot#alt()} is set and not empty; otherwise the key itself is omitted,
 *       never sent as {@code null} or {@code ""} [C].
 *   <li>The vendor's own example has a trailing comma after {@code "new": {...}}, which is not
 *       JSON; the real sender surely emits valid JSON [I], and so do we.
 *   <li>Headers: {@code Content-Type: application/json} exactly; the doc says nothing of a
 *       charset [C / charset ?]. No other header: media webhooks have no custom headers, no
 *       signature (one is "under consideration", not shipped) and no built-in auth; the docs
 *       recommend a secret in the URL's query ({@code ?auth=XXX}), which belongs to the endpoint,
 *       not to this format [C]. Do not add a signer expecting microCMS behaviour: the
 *       {@code x-microcms-signature} header exists only for <em>content</em> webhooks.
 *   <li>Delivery: microCMS sends once per configured timing and never retries, on network errors
 *       or on 4xx/5xx [C]; order is not guaranteed [C]. Pair this format with
 *       {@code RetryPolicy.none()} to behave like the vendor.
 *   <li>When it fires: {@code edit} is sent for a re-upload or a file-name change in the admin UI
 *       [C], not for other changes (changing the media's creator explicitly sends nothing [C]).
 *       So by default an update is rendered only when its {@link MediaEvent#changes()} contain
 *       {@link MediaChange#CONTENT} or {@link MediaChange#RENAME}; other updates are filtered
 *       with a reason from {@link #skipReason(MediaEvent)}. {@link Builder#editOn(Collection)}
 *       and {@link Builder#editOnAnyChange()} widen this for receivers that want more. An event
 *       whose changes were given explicitly (a {@link MediaChange#RESTORE} of an earlier file,
 *       for example) should include {@code CONTENT} if microCMS receivers should hear of it.
 *   <li>Serialisation: compact {@code JSON.stringify} bytes (no whitespace, {@code /} and
 *       non-ASCII unescaped). The doc prints only a pretty example, so the exact bytes are [?];
 *       microCMS is a Node.js service and its content-webhook signature sample hashes the raw
 *       body in Node, so compact {@code JSON.stringify} output is what its sender most plausibly
 *       emits [I], and it is what a Node receiver re-stringifying the parsed body reproduces.
 * </ul>
 *
 * <p>The service id comes from the format ({@link #create(String)}) or, when the format has none,
 * from the event's {@link EventSource#serviceId()}; with neither, {@link #render(MediaEvent,
 * Attempt)} throws a {@link FormatException} that says where to set it. The event name of every
 * payload is the {@code type} value. The attempt is not used: the body has no id or time.
 *
 * <p>Get one with {@link #create(String)}, {@link #create()} or {@link #builder()}. Defaults: no
 * service id (taken from each event), {@code edit} on {@code CONTENT} or {@code RENAME}.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookFormat format = MicroCmsMediaFormat.create("my-service");
 * WebhookFormat everyUpdate = MicroCmsMediaFormat.builder()
 *     .serviceId("my-service")
 *     .editOnAnyChange()
 *     .build();
 * }</pre>
 */
public final class MicroCmsMediaFormat implements WebhookFormat {
  /** The changes the vendor documents as sending {@code edit}. */
  private static final Set<MediaChange> DEFAULT_EDIT_ON =
      Collections.unmodifiableSet(EnumSet.of(MediaChange.CONTENT, MediaChange.RENAME));

  private final @Nullable String serviceId;
  private final Set<MediaChange> editOn;
  private final boolean editOnAnyChange;
  /** The constant start of the skip reason, built once: skipReason runs inside publish. */
  private final String skipPrefix;
  /** {@link #editOn} as a {@link ChangeSets#mask}. */
  private final int editOnMask;
  /** Skip reasons by the mask of the update's changes, built once each. */
  private final ChangeSets.TextCache reasons = new ChangeSets.TextCache(ChangeSets.COMBINATIONS);

  private MicroCmsMediaFormat(Builder b) {
    this.serviceId = b.serviceId;
    this.editOn = Collections.unmodifiableSet(MicroCmsBody.copy(b.editOn));
    this.editOnAnyChange = b.editOnAnyChange;
    this.editOnMask = ChangeSets.mask(editOn);
    this.skipPrefix = editOn.isEmpty()
        ? "microcms: configured to send no edit events; this update is "
        : "microcms: sends edit only for " + MicroCmsBody.joinOr(editOn)
            + " changes; this update is ";
  }

  /**
   * Returns the format for one microCMS service, with the vendor's {@code edit} rule.
   *
   * @param serviceId the service's subdomain, sent as {@code service}
   * @return a new format
   * @throws NullPointerException if {@code serviceId} is null
   * @throws IllegalArgumentException if {@code serviceId} is blank
   */
  public static MicroCmsMediaFormat create(String serviceId) {
    Objects.requireNonNull(serviceId, "serviceId must not be null");
    return builder().serviceId(serviceId).build();
  }

  /**
   * Returns the format taking the service id from each event's {@link EventSource#serviceId()},
   * with the vendor's {@code edit} rule.
   *
   * @return a new format
   */
  public static MicroCmsMediaFormat create() {
    return builder().build();
  }

  /**
   * Returns a builder with the defaults: no service id, {@code edit} on {@code CONTENT} or
   * {@code RENAME}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this format's settings.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.serviceId = serviceId;
    b.editOn = MicroCmsBody.copy(editOn);
    b.editOnAnyChange = editOnAnyChange;
    return b;
  }

  /**
   * The configured service id, or null when each event's source provides it.
   *
   * @return the service id, or null
   */
  public @Nullable String serviceId() {
    return serviceId;
  }

  /**
   * The changes for which an update is sent as {@code edit}, unmodifiable; ignored when {@link
   * #editsOnAnyChange()} is true.
   *
   * @return the changes
   */
  public Set<MediaChange> editOn() {
    return editOn;
  }

  /**
   * Whether every update is sent as {@code edit}, whatever its changes.
   *
   * @return true when every update is sent
   */
  public boolean editsOnAnyChange() {
    return editOnAnyChange;
  }

  /**
   * Returns {@code "microcms"}.
   *
   * @return the format's name
   */
  @Override
  public String name() {
    return "microcms";
  }

  /**
   * Says why an update has no {@code edit} message: none of its changes is one this format
   * sends {@code edit} for. Creations and deletions always have a message.
   *
   * @param event the event
   * @return the reason, or empty when the event is rendered
   * @throws NullPointerException if {@code event} is null
   */
  @Override
  public Optional<String> skipReason(MediaEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (event.type() != MediaEventType.UPDATED || editOnAnyChange) {
      return Optional.empty();
    }
    int mask = ChangeSets.mask(event.changes());
    if ((mask & editOnMask) != 0) {
      return Optional.empty();
    }
    String reason = reasons.get(mask);
    return Optional.of(reason != null ? reason
        : reasons.put(mask, skipPrefix + ChangeSets.of(mask)));
  }

  /**
   * Renders the event as a microCMS media webhook body.
   *
   * @param event the event
   * @param attempt the delivery attempt (not used: the body has no id or time)
   * @return the payload, or empty exactly when {@link #skipReason(MediaEvent)} is present
   * @throws NullPointerException if an argument is null
   * @throws FormatException if no service id is configured or on the event's source, or a
   *     snapshot has no URL
   */
  @Override
  public Optional<WebhookPayload> render(MediaEvent event, Attempt attempt) {
    Objects.requireNonNull(event, "event must not be null");
    Objects.requireNonNull(attempt, "attempt must not be null");
    if (skipReason(event).isPresent()) {
      return Optional.empty();
    }
    String service = serviceId != null ? serviceId : event.source().serviceId();
    if (service == null) {
      throw new FormatException("microcms: service id missing: pass it to"
          + " MicroCmsMediaFormat.create(serviceId) or set EventSource.serviceId on the event");
    }
    String type = MicroCmsBody.type(event.type());
    byte[] body = MicroCmsBody.render(service, type, event.before(), event.after());
    return Optional.of(PayloadAccess.builder(type, "application/json", body).build());
  }

  @Override
  public String toString() {
    return "MicroCmsMediaFormat{serviceId=" + serviceId + ", editOn="
        + (editOnAnyChange ? "any change" : editOn.toString()) + '}';
  }

  /**
   * Builds a {@link MicroCmsMediaFormat}. Not thread-safe; the built format is.
   *
   * <pre>{@code
   * MicroCmsMediaFormat format = MicroCmsMediaFormat.builder()
   *     .serviceId("my-service")
   *     .editOn(MediaChange.CONTENT, MediaChange.RENAME, MediaChange.INFO)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String serviceId;
    private EnumSet<MediaChange> editOn = MicroCmsBody.copy(DEFAULT_EDIT_ON);
    private boolean editOnAnyChange;

    private Builder() {}

    /**
     * Sets the service id sent as {@code service}; null (the default) takes it from each
     * event's {@link EventSource#serviceId()}.
     *
     * @param serviceId the service's subdomain, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code serviceId} is blank
     */
    public Builder serviceId(@Nullable String serviceId) {
      if (serviceId != null && serviceId.isBlank()) {
        throw new IllegalArgumentException(
            "serviceId must not be blank (pass null to take it from each event's source)");
      }
      this.serviceId = serviceId;
      return this;
    }

    /**
     * Sets the changes for which an update is sent as {@code edit}, replacing the default
     * ({@code CONTENT} and {@code RENAME}, as microCMS documents). An empty collection sends no
     * {@code edit} at all. Turns off {@link #editOnAnyChange()}.
     *
     * @param changes the changes
     * @return this builder
     * @throws NullPointerException if {@code changes} or an element is null
     */
    public Builder editOn(Collection<MediaChange> changes) {
      Objects.requireNonNull(changes, "changes must not be null");
      EnumSet<MediaChange> set = EnumSet.noneOf(MediaChange.class);
      for (MediaChange c : changes) {
        set.add(Objects.requireNonNull(c, "changes must not contain null"));
      }
      this.editOn = set;
      this.editOnAnyChange = false;
      return this;
    }

    /**
     * Sets the changes for which an update is sent as {@code edit}; see {@link
     * #editOn(Collection)}.
     *
     * @param changes the changes
     * @return this builder
     * @throws NullPointerException if an element is null
     */
    public Builder editOn(MediaChange... changes) {
      Objects.requireNonNull(changes, "changes must not be null");
      return editOn(Arrays.asList(changes));
    }

    /**
     * Sends every update as {@code edit}, whatever its changes (even one that changed only
     * {@code modifiedAt}). Not what microCMS itself does; for receivers that want to hear of
     * every change in this shape.
     *
     * @return this builder
     */
    public Builder editOnAnyChange() {
      this.editOnAnyChange = true;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return a new immutable format
     */
    public MicroCmsMediaFormat build() {
      return new MicroCmsMediaFormat(this);
    }
  }
}
