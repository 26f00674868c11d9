package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTests {

  private static final String TEXT = "户编号,事件类型\n430421-105-00123,收入核定\n";

  @Test
  void readsUtf8WithAndWithoutAByteOrderMark() {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decode(utf8, null).text()).isEqualTo(TEXT);
    assertThat(TextDecoding.decode(utf8, null).tag()).isEqualTo("utf-8");
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertThat(TextDecoding.decode(bom, null).text()).isEqualTo(TEXT);
  }

  @Test
  void detectsGb18030WhenTheBytesAreNotUtf8() {
    TextDecoding.Decoded decoded = TextDecoding.decode(TEXT.getBytes(TextDecoding.GB18030), null);
    assertThat(decoded.text()).isEqualTo(TEXT);
    assertThat(decoded.tag()).isEqualTo("gb18030");
    assertThat(decoded.detected()).isTrue();
  }

  @Test
  void honoursAByteOrderMarkOfUtf16() {
    byte[] utf16 = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
    assertThat(TextDecoding.decode(utf16, null).text()).isEqualTo(TEXT);
  }

  @Test
  void honoursADeclaredCharsetStrictly() {
    byte[] gbk = TEXT.getBytes(TextDecoding.GB18030);
    assertThat(TextDecoding.decode(gbk, TextDecoding.GB18030).detected()).isFalse();
    assertThatThrownBy(() -> TextDecoding.decode(gbk, StandardCharsets.UTF_8))
        .isInstanceOf(TextDecoding.Undecodable.class)
        .hasMessageContaining("not valid UTF-8")
        .satisfies(e -> assertThat(((TextDecoding.Undecodable) e).chinese()).contains("UTF-8"));
  }

  @Test
  void refusesBytesThatAreNeitherUtf8NorGb18030() {
    // 0xFF is not a lead byte in either
    byte[] bytes = {'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'};
    assertThatThrownBy(() -> TextDecoding.decode(bytes, null))
        .isInstanceOf(TextDecoding.Undecodable.class)
        .satisfies(e -> assertThat(((TextDecoding.Undecodable) e).chinese()).contains("GB18030"));
  }
}
