package io.mediahooks.examples;

import io.mediahooks.core.MediaEventType;
import io.mediahooks.core.WebhookFormat;
import io.mediahooks.core.format.betterez.BetterezImagesFormat;
import io.mediahooks.core.format.cloudevents.CloudEventsFormat;
import io.mediahooks.core.format.filerobot.FilerobotFormat;
import io.mediahooks.core.format.filerobot.FilerobotTrigger;
import io.mediahooks.core.format.fotoware.FotowareAssetFormat;
import io.mediahooks.core.format.microcms.MicroCmsMediaFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of {@code mediahooks send}, parsed and validated: every value is checked here, so
 * a mistake is a usage error naming the option before anything is sent. Immutable.
 */
final class SendOptions {
  /** The microCMS service id the samples are sent for. */
  static final String MICROCMS_SERVICE = "acme-media";
  /** The Fotoware site whose URLs the samples carry. */
  static final String FOTOWARE_SITE = "https://acme.fotoware.cloud";
  /** The largest {@code --count}: enough for a load check, small enough to stop a typo. */
  static final int MAX_COUNT = 10_000;
  /** The largest MAX_ATTEMPTS of {@code --retry exponential}. */
  static final int MAX_ATTEMPTS = 100;
  /** The largest INITIAL_DELAY_MS of {@code --retry exponential}: one hour. */
  static final long MAX_INITIAL_DELAY_MS = 3_600_000L;

  /** The wire formats {@code --format} accepts. */
  enum Format {
    MICROCMS("microcms"),
    BETTEREZ("betterez"),
    FOTOWARE("fotoware"),
    FOTOWARE_FORM("fotoware-form"),
    FILEROBOT("filerobot"),
    CLOUDEVENTS("cloudevents"),
    CLOUDEVENTS_BINARY("cloudevents-binary");

    final String cliName;

    Format(String cliName) {
      this.cliName = cliName;
    }

    /**
     * The library format this name stands for, configured so that every event the format has
     * is sent for the sample events: microCMS sends {@code edit} on a rename (its default),
     * Filerobot fires on upload, rename, move, delete and the approval metadata change.
     */
    WebhookFormat webhookFormat() {
      switch (this) {
        case MICROCMS:
          return MicroCmsMediaFormat.create(MICROCMS_SERVICE);
        case BETTEREZ:
          return BetterezImagesFormat.create();
        case FOTOWARE:
          return FotowareAssetFormat.json(FOTOWARE_SITE);
        case FOTOWARE_FORM:
          return FotowareAssetFormat.form(FOTOWARE_SITE);
        case FILEROBOT:
          return FilerobotFormat.builder()
              .on(FilerobotTrigger.UPLOAD, FilerobotTrigger.MOVE, FilerobotTrigger.RENAME,
                  FilerobotTrigger.DELETE)
              .onMetaChange("status", "approved")
              .build();
        case CLOUDEVENTS:
          return CloudEventsFormat.structured();
        default:
          return CloudEventsFormat.binary();
      }
    }

    static @Nullable Format of(String name) {
      for (Format f : values()) {
        if (f.cliName.equals(name)) {
          return f;
        }
      }
      return null;
    }

    static String names() {
      List<String> names = new ArrayList<>();
      for (Format f : values()) {
        names.add(f.cliName);
      }
      return String.join(", ", names);
    }
  }

  /** Who signs: {@code --sign KIND:SECRET}. */
  enum SignKind {
    MICROCMS, BETTEREZ, STANDARD
  }

  /** How the request authenticates. */
  enum AuthKind {
    NONE, BASIC, BEARER, OAUTH2_PASSWORD
  }

  /** {@code --retry} kinds. */
  enum RetryKind {
    NONE, SCHEDULE, EXPONENTIAL
  }

  private final Format format;
  private final String url;
  private final Set<MediaEventType> events;
  private final boolean allEvents;
  private final int count;
  private final @Nullable SignKind signKind;
  private final @Nullable String signSecret;
  private final AuthKind authKind;
  private final @Nullable String user;
  private final @Nullable String password;
  private final @Nullable String bearerToken;
  private final @Nullable String tokenUrl;
  private final Map<String, String> headers;
  private final RetryKind retryKind;
  private final int maxAttempts;
  private final long initialDelayMs;
  private final boolean retryExplicit;
  private final boolean allowPrivate;

  private SendOptions(Parser p, Format format, String url) {
    this.format = format;
    this.url = url;
    this.allEvents = p.events == null;
    this.events = p.events == null ? Collections.unmodifiableSet(EnumSet.allOf(
        MediaEventType.class)) : Collections.unmodifiableSet(EnumSet.copyOf(p.events));
    this.count = p.count;
    this.signKind = p.signKind;
    this.signSecret = p.signSecret;
    this.authKind = p.authKind;
    this.user = p.user;
    this.password = p.password;
    this.bearerToken = p.bearerToken;
    this.tokenUrl = p.tokenUrl;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(p.headers));
    this.retryExplicit = p.retryKind != null;
    if (p.retryKind != null) {
      this.retryKind = p.retryKind;
      this.maxAttempts = p.maxAttempts;
      this.initialDelayMs = p.initialDelayMs;
    } else if (format == Format.MICROCMS) {
      // microCMS itself sends once and never retries.
      this.retryKind = RetryKind.NONE;
      this.maxAttempts = 1;
      this.initialDelayMs = 0;
    } else {
      this.retryKind = RetryKind.EXPONENTIAL;
      this.maxAttempts = 5;
      this.initialDelayMs = 500;
    }
    this.allowPrivate = p.allowPrivate;
  }

  /** Whether the arguments ask for help ({@code --help} or {@code -h} anywhere). */
  static boolean wantsHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  /**
   * Parses and validates {@code send}'s arguments.
   *
   * @throws UsageException naming the option that is wrong
   */
  static SendOptions parse(List<String> args) throws UsageException {
    return new Parser().parse(args);
  }

  Format format() {
    return format;
  }

  String url() {
    return url;
  }

  /** The event types asked for; all three when {@link #allEvents()}. */
  Set<MediaEventType> events() {
    return events;
  }

  /** True when no {@code --event} or {@code --event all} was given: each event the format has. */
  boolean allEvents() {
    return allEvents;
  }

  int count() {
    return count;
  }

  @Nullable SignKind signKind() {
    return signKind;
  }

  @Nullable String signSecret() {
    return signSecret;
  }

  AuthKind authKind() {
    return authKind;
  }

  @Nullable String user() {
    return user;
  }

  @Nullable String password() {
    return password;
  }

  @Nullable String bearerToken() {
    return bearerToken;
  }

  @Nullable String tokenUrl() {
    return tokenUrl;
  }

  /** {@code --header} values in order; a later one of the same name replaces the earlier. */
  Map<String, String> headers() {
    return headers;
  }

  RetryKind retryKind() {
    return retryKind;
  }

  /** Every attempt counted, the first included; 1 for {@code none}. */
  int maxAttempts() {
    return maxAttempts;
  }

  long initialDelayMs() {
    return initialDelayMs;
  }

  /** Whether {@code --retry} was given, or the format's default applies. */
  boolean retryExplicit() {
    return retryExplicit;
  }

  boolean allowPrivate() {
    return allowPrivate;
  }

  /** {@code --retry} as it would be written, for the report: {@code exponential:5:500}. */
  String retryDescription() {
    switch (retryKind) {
      case NONE:
        return "none";
      case SCHEDULE:
        return "schedule";
      default:
        return "exponential:" + maxAttempts + ":" + initialDelayMs;
    }
  }

  @Override
  public String toString() {
    // Never the secrets: this may end up in a log.
    return "SendOptions{format=" + format.cliName + ", url=" + Masking.url(url) + ", events="
        + (allEvents ? "all" : events) + ", count=" + count + ", sign=" + signKind + ", auth="
        + authKind + ", headers=" + headers.keySet() + ", retry=" + retryDescription()
        + ", allowPrivate=" + allowPrivate + '}';
  }

  /** One pass over the arguments, then the checks that need all of them. */
  private static final class Parser {
    private final Set<String> seen = new HashSet<>();
    private @Nullable Format format;
    private @Nullable String url;
    private @Nullable Set<MediaEventType> events;
    private int count = 1;
    private @Nullable SignKind signKind;
    private @Nullable String signSecret;
    private AuthKind authKind = AuthKind.NONE;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable String bearerToken;
    private @Nullable String tokenUrl;
    private @Nullable String oauthUser;
    private @Nullable String oauthPassword;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable RetryKind retryKind;
    private int maxAttempts;
    private long initialDelayMs;
    private boolean allowPrivate;

    SendOptions parse(List<String> args) throws UsageException {
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (!arg.startsWith("--") || arg.length() == 2) {
          throw new UsageException("unexpected argument \"" + arg
              + "\": options start with -- (see send --help)");
        }
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        String inline = eq < 0 ? null : arg.substring(eq + 1);
        if (!name.equals("--header") && !seen.add(name)) {
          throw new UsageException(name + " is given more than once");
        }
        if (name.equals("--allow-private")) {
          if (inline != null) {
            throw new UsageException("--allow-private takes no value, was \"" + arg + '"');
          }
          allowPrivate = true;
          continue;
        }
        String value;
        if (inline != null) {
          value = inline;
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          value = args.get(++i);
        } else {
          value = null;
        }
        option(name, value);
      }
      return build();
    }

    private void option(String name, @Nullable String value) throws UsageException {
      switch (name) {
        case "--format":
          String f = need(name, value);
          format = Format.of(f.toLowerCase(Locale.ROOT));
          if (format == null) {
            throw new UsageException(
                "--format must be one of " + Format.names() + ", was \"" + f + '"');
          }
          break;
        case "--url":
          url = httpUrl(name, need(name, value));
          break;
        case "--event":
          events = events(need(name, value));
          break;
        case "--count":
          count = (int) number(name, need(name, value), 1, MAX_COUNT,
              "--count must be a whole number from 1 to " + MAX_COUNT);
          break;
        case "--sign":
          sign(need(name, value));
          break;
        case "--basic":
          basic(need(name, value));
          break;
        case "--bearer":
          String token = need(name, value);
          if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UsageException(
                "--bearer must be a non-empty token of printable ASCII without spaces");
          }
          bearerToken = token;
          break;
        case "--oauth2-token-url":
          tokenUrl = httpUrl(name, need(name, value));
          break;
        case "--username":
          oauthUser = need(name, value);
          if (oauthUser.isEmpty()) {
            throw new UsageException("--username must not be empty");
          }
          break;
        case "--password":
          oauthPassword = need(name, value);
          if (oauthPassword.isEmpty()) {
            throw new UsageException("--password must not be empty");
          }
          break;
        case "--header":
          header(need(name, value));
          break;
        case "--retry":
          retry(need(name, value));
          break;
        default:
          throw new UsageException("unknown option " + name + " (see send --help)");
      }
    }

    private SendOptions build() throws UsageException {
      if (format == null) {
        throw new UsageException("--format is required: one of " + Format.names());
      }
      if (url == null) {
        throw new UsageException("--url is required: the receiver's http or https URL");
      }
      List<String> auths = new ArrayList<>();
      if (user != null) {
        auths.add("--basic");
      }
      if (bearerToken != null) {
        auths.add("--bearer");
      }
      if (tokenUrl != null) {
        auths.add("--oauth2-token-url");
      }
      if (auths.size() > 1) {
        throw new UsageException(String.join(" and ", auths)
            + " cannot be combined: choose one way to authenticate");
      }
      if (tokenUrl == null && oauthUser != null) {
        throw new UsageException("--username is only used with --oauth2-token-url");
      }
      if (tokenUrl == null && oauthPassword != null) {
        throw new UsageException("--password is only used with --oauth2-token-url");
      }
      if (user != null) {
        authKind = AuthKind.BASIC;
      } else if (bearerToken != null) {
        authKind = AuthKind.BEARER;
      } else if (tokenUrl != null) {
        if (oauthUser == null || oauthPassword == null) {
          throw new UsageException("--oauth2-token-url needs --username and --password");
        }
        authKind = AuthKind.OAUTH2_PASSWORD;
        user = oauthUser;
        password = oauthPassword;
      }
      if (authKind != AuthKind.NONE) {
        for (String h : headers.keySet()) {
          if (h.equalsIgnoreCase("Authorization")) {
            throw new UsageException("--header Authorization conflicts with " + auths.get(0)
                + ": give the credentials one way");
          }
        }
      }
      return new SendOptions(this, format, url);
    }

    private static String need(String name, @Nullable String value) throws UsageException {
      if (value == null) {
        throw new UsageException(name + " needs a value (see send --help)");
      }
      return value;
    }

    private static String httpUrl(String name, String value) throws UsageException {
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        throw new UsageException(name + " is not a valid URL (" + e.getReason() + " at index "
            + e.getIndex() + "): \"" + Masking.url(value) + '"');
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new UsageException(
            name + " must be an http or https URL, was \"" + Masking.url(value) + '"');
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new UsageException(
            name + " must name a host, was \"" + Masking.url(value) + '"');
      }
      return value;
    }

    private static @Nullable Set<MediaEventType> events(@Nullable String value)
        throws UsageException {
      String v = value == null ? "" : value;
      if (v.equals("all")) {
        return null;
      }
      Set<MediaEventType> set = EnumSet.noneOf(MediaEventType.class);
      for (String part : v.split(",", -1)) {
        switch (part.trim().toLowerCase(Locale.ROOT)) {
          case "created":
            set.add(MediaEventType.CREATED);
            break;
          case "updated":
            set.add(MediaEventType.UPDATED);
            break;
          case "deleted":
            set.add(MediaEventType.DELETED);
            break;
          default:
            throw new UsageException("--event must be created, updated, deleted (or several,"
                + " comma-separated) or all, was \"" + v + '"');
        }
      }
      return set;
    }

    private static long number(String name, String value, long min, long max, String message)
        throws UsageException {
      long n;
      try {
        n = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new UsageException(message + ", was \"" + value + '"');
      }
      if (n < min || n > max) {
        throw new UsageException(message + ", was " + n);
      }
      return n;
    }

    private void sign(String value) throws UsageException {
      int colon = value.indexOf(':');
      String kind = colon < 0 ? value : value.substring(0, colon).toLowerCase(Locale.ROOT);
      String secret = colon < 0 ? "" : value.substring(colon + 1);
      switch (kind) {
        case "microcms":
          signKind = SignKind.MICROCMS;
          break;
        case "betterez":
          signKind = SignKind.BETTEREZ;
          break;
        case "standard":
          signKind = SignKind.STANDARD;
          break;
        default:
          throw new UsageException("--sign must be microcms:SECRET, betterez:KEY or"
              + " standard:whsec_BASE64, was \"" + kind + (colon < 0 ? "" : ":***") + '"');
      }
      if (colon < 0 || secret.isEmpty()) {
        throw new UsageException("--sign " + kind + ": needs a secret after the colon, as in "
            + (signKind == SignKind.STANDARD ? "standard:whsec_..." : kind + ":SECRET"));
      }
      if (signKind == SignKind.STANDARD) {
        if (!secret.startsWith("whsec_")) {
          throw new UsageException(
              "--sign standard: the secret must start with whsec_ (a Standard Webhooks secret)");
        }
        String base64 = secret.substring("whsec_".length());
        int keyBytes;
        try {
          keyBytes = Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
          throw new UsageException("--sign standard: the secret after whsec_ must be base64"
              + " (as Standard Webhooks secrets are)");
        }
        if (keyBytes < 24 || keyBytes > 64) {
          throw new UsageException("--sign standard: the key after whsec_ must decode to 24 to"
              + " 64 bytes, was " + keyBytes);
        }
      }
      signSecret = secret;
    }

    private void basic(String value) throws UsageException {
      int colon = value.indexOf(':');
      if (colon <= 0) {
        throw new UsageException("--basic must be USER:PASS with a non-empty user");
      }
      user = value.substring(0, colon);
      password = value.substring(colon + 1);
    }

    private void header(String value) throws UsageException {
      int eq = value.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--header must be NAME=VALUE, was \"" + value + '"');
      }
      String name = value.substring(0, eq);
      String headerValue = value.substring(eq + 1);
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!(Character.isLetterOrDigit(c) && c < 0x80) && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
          throw new UsageException("--header name \"" + name + "\" has an invalid character '"
              + c + "' (letters, digits and !#$%&'*+-.^_`|~ only)");
        }
      }
      for (int i = 0; i < headerValue.length(); i++) {
        char c = headerValue.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          throw new UsageException("--header " + name + ": the value may only contain printable"
              + " ASCII and tabs (found U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")");
        }
      }
      if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
        throw new UsageException("--header " + name + " cannot be set: it comes from the"
            + " format's payload");
      }
      headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
      headers.put(name, headerValue);
    }

    private void retry(String value) throws UsageException {
      String usage = "--retry must be none, schedule or exponential[:MAX_ATTEMPTS"
          + "[:INITIAL_DELAY_MS]]";
      String[] parts = value.split(":", -1);
      switch (parts[0].toLowerCase(Locale.ROOT)) {
        case "none":
          if (parts.length > 1) {
            throw new UsageException(usage + ", was \"" + value + '"');
          }
          retryKind = RetryKind.NONE;
          maxAttempts = 1;
          return;
        case "schedule":
          if (parts.length > 1) {
            throw new UsageException(usage + ", was \"" + value + "\" (schedule takes no"
                + " numbers: it is the library's default schedule)");
          }
          retryKind = RetryKind.SCHEDULE;
          return;
        case "exponential":
          if (parts.length > 3) {
            throw new UsageException(usage + ", was \"" + value + '"');
          }
          retryKind = RetryKind.EXPONENTIAL;
          maxAttempts = parts.length > 1 ? (int) number("--retry", parts[1], 1, MAX_ATTEMPTS,
              "--retry exponential: MAX_ATTEMPTS must be a whole number from 1 to "
                  + MAX_ATTEMPTS) : 5;
          initialDelayMs = parts.length > 2 ? number("--retry", parts[2], 1,
              MAX_INITIAL_DELAY_MS, "--retry exponential: INITIAL_DELAY_MS must be a whole"
                  + " number of milliseconds from 1 to " + MAX_INITIAL_DELAY_MS) : 500;
          return;
        default:
          throw new UsageException(usage + ", was \"" + value + '"');
      }
    }
  }
}
