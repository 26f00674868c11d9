package org.shouwang.ingest.csvimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a CSV file's bytes into text. A charset the content type names is honoured strictly.
 * Without one: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else bytes that are valid UTF-8 are
 * UTF-8; else GB18030 (a superset of GBK and GB2312), which is what Excel and WPS on a Chinese
 * Windows write when a county office saves "CSV (comma delimited)". Valid UTF-8 that is really GBK
 * is practically impossible for Chinese text: GBK's two-byte characters break UTF-8's byte patterns
 * within a few characters.
 */
final class TextDecoding {

  static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * The text and the charset it was read in.
   *
   * @param detected whether the charset was detected rather than declared
   */
  record Decoded(String text, Charset charset, boolean detected) {

    /** A metric tag: {@code utf-8}, {@code gb18030}, {@code utf-16} or {@code other}. */
    String tag() {
      if (charset.equals(StandardCharsets.UTF_8)) {
        return "utf-8";
      }
      if (charset.equals(GB18030) || charset.name().equalsIgnoreCase("GBK")) {
        return "gb18030";
      }
      if (charset.name().startsWith("UTF-16")) {
        return "utf-16";
      }
      return "other";
    }
  }

  /** The text could not be decoded; the message says so in Chinese and English. */
  static final class Undecodable extends RuntimeException {
    private final String chinese;

    Undecodable(String message, String chinese) {
      super(message);
      this.chinese = chinese;
    }

    String chinese() {
      return chinese;
    }
  }

  private TextDecoding() {}

  /**
   * Decodes a file.
   *
   * @param declared the charset of the content type, {@code null} when it names none
   */
  static Decoded decode(byte[] bytes, Charset declared) {
    if (declared != null) {
      try {
        return new Decoded(strict(declared, bytes, 0), declared, false);
      } catch (CharacterCodingException e) {
        throw new Undecodable(
            "The file is not valid "
                + declared.name()
                + " text, as its content type says. Save it as \"CSV UTF-8\", or send it without"
                + " a charset and the service detects UTF-8 or GB18030 by itself",
            "文件不是内容类型所声明的 "
                + declared.name()
                + " 编码；请另存为“CSV UTF-8”，或不声明字符集由系统自动识别 UTF-8 或 GB18030");
      }
    }
    try {
      if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
        return new Decoded(strict(StandardCharsets.UTF_8, bytes, 3), StandardCharsets.UTF_8, true);
      }
      if (startsWith(bytes, 0xFF, 0xFE)) {
        return new Decoded(
            strict(StandardCharsets.UTF_16LE, bytes, 2), StandardCharsets.UTF_16LE, true);
      }
      if (startsWith(bytes, 0xFE, 0xFF)) {
        return new Decoded(
            strict(StandardCharsets.UTF_16BE, bytes, 2), StandardCharsets.UTF_16BE, true);
      }
    } catch (CharacterCodingException e) {
      throw new Undecodable(
          "The file starts with a byte-order mark but is not valid text in its encoding",
          "文件开头的字节顺序标记（BOM）与文件内容的编码不符，请重新保存为“CSV UTF-8”");
    }
    try {
      return new Decoded(strict(StandardCharsets.UTF_8, bytes, 0), StandardCharsets.UTF_8, true);
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(strict(GB18030, bytes, 0), GB18030, true);
      } catch (CharacterCodingException notGb) {
        throw new Undecodable(
            "The file is neither UTF-8 nor GB18030 (GBK) text. Save it as \"CSV UTF-8\"",
            "文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本，请另存为“CSV UTF-8”");
      }
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String strict(Charset charset, byte[] bytes, int offset)
      throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }
}
