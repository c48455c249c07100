package io.mediahooks.http.internal;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with one key, usable from many threads: {@link Mac} is not thread-safe, so each
 * computation works on a clone of a keyed prototype (cheaper than a provider lookup and key
 * schedule per call). The prototype itself is never updated.
 */
public final class HmacSha256 {
  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SecretKeySpec key;
  private final Mac prototype;
  private final boolean cloneable;

  /**
   * Creates the keyed HMAC.
   *
   * @param key the key bytes; must not be empty
   * @throws IllegalArgumentException if the key is empty
   */
  public HmacSha256(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("HMAC key must not be empty");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.prototype = newMac(this.key);
    boolean canClone;
    try {
      prototype.clone();
      canClone = true;
    } catch (CloneNotSupportedException e) {
      canClone = false;
    }
    this.cloneable = canClone;
  }

  /**
   * Returns a fresh keyed {@link Mac} for one computation on one thread.
   *
   * @return the Mac
   */
  public Mac mac() {
    if (cloneable) {
      try {
        return (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        // cannot happen: checked at construction
      }
    }
    return newMac(key);
  }

  /**
   * HMAC of a buffer's remaining bytes.
   *
   * @param message the message; its position is advanced
   * @return the 32-byte digest
   */
  public byte[] digest(ByteBuffer message) {
    Mac mac = mac();
    mac.update(message);
    return mac.doFinal();
  }

  /**
   * Lowercase hexadecimal.
   *
   * @param bytes the bytes
   * @return two characters per byte
   */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java SE runtime must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

}
