package org.shouwang.audit.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.shouwang.audit.chain.AuditEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an export (JSON lines or CSV, told apart by the first character) back into entries, one at
 * a time, so a file of any size is read in constant memory.
 */
public final class ExportReader implements Iterator<AuditEntry>, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PushbackReader in;
  private final ExportFormat format;
  private long record;
  private AuditEntry next;

  public ExportReader(Reader reader) throws IOException {
    this.in = new PushbackReader(new BufferedReader(reader, 1 << 16), 2);
    int first = in.read();
    if (first == '\uFEFF') {
      first = in.read();
    }
    if (first != -1) {
      in.unread(first);
    }
    this.format = first == '{' || first == -1 ? ExportFormat.JSONL : ExportFormat.CSV;
    if (format == ExportFormat.CSV) {
      List<String> header = csvRecord();
      if (header == null || !header.equals(List.of(ExportFormat.FIELDS))) {
        throw new IllegalArgumentException(
            "not an audit export: the CSV header must be " + String.join(",", ExportFormat.FIELDS));
      }
    }
  }

  /** The format detected. */
  public ExportFormat format() {
    return format;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = readNext();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public AuditEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    AuditEntry e = next;
    next = null;
    return e;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private AuditEntry readNext() throws IOException {
    String[] values;
    if (format == ExportFormat.JSONL) {
      String line;
      do {
        line = line();
        if (line == null) {
          return null;
        }
      } while (line.isBlank());
      record++;
      JsonNode node = JSON.readTree(line);
      values = new String[ExportFormat.FIELDS.length];
      for (int i = 0; i < values.length; i++) {
        JsonNode v = node.get(ExportFormat.FIELDS[i]);
        values[i] = v == null || v.isNull() ? null : v.asString();
      }
    } else {
      List<String> fields = csvRecord();
      if (fields == null) {
        return null;
      }
      record++;
      if (fields.size() != ExportFormat.FIELDS.length) {
        throw new IllegalArgumentException(
            "record "
                + record
                + " has "
                + fields.size()
                + " fields, not "
                + ExportFormat.FIELDS.length);
      }
      values = fields.toArray(String[]::new);
    }
    return entry(values);
  }

  private AuditEntry entry(String[] v) {
    try {
      byte[] payload = null;
      if (v[12] != null) {
        payload =
            "base64".equals(v[11])
                ? Base64.getDecoder().decode(v[12])
                : v[12].getBytes(StandardCharsets.UTF_8);
      }
      return new AuditEntry(
          Long.parseLong(v[0]),
          v[1] == null ? null : Instant.parse(v[1]),
          v[2] == null ? null : Instant.parse(v[2]),
          v[3],
          v[4],
          v[5],
          v[6],
          v[7] == null ? null : Integer.valueOf(v[7]),
          v[8] == null ? null : Long.valueOf(v[8]),
          v[9],
          v[10],
          payload,
          v[13],
          v[14]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("record " + record + " is not an audit entry: " + e, e);
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        return sb.toString();
      }
      sb.append((char) c);
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  /**
   * One RFC 4180 record; an unquoted empty field is {@code null}, a quoted one is a value. {@code
   * null} at the end of input.
   */
  private List<String> csvRecord() throws IOException {
    int c = in.read();
    while (c == '\r' || c == '\n') {
      c = in.read();
    }
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>(ExportFormat.FIELDS.length);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (c == '"' && field.isEmpty() && !quoted) {
        quoted = true;
        while (true) {
          c = in.read();
          if (c == -1) {
            throw new IllegalArgumentException("record " + (record + 1) + ": unterminated quote");
          }
          if (c == '"') {
            int d = in.read();
            if (d == '"') {
              field.append('"');
              continue;
            }
            c = d;
            break;
          }
          field.append((char) c);
        }
      }
      if (c == ',' || c == '\n' || c == '\r' || c == -1) {
        fields.add(quoted ? field.toString() : field.isEmpty() ? null : field.toString());
        field.setLength(0);
        quoted = false;
        if (c == ',') {
          c = in.read();
          continue;
        }
        if (c == '\r') {
          int d = in.read();
          if (d != '\n' && d != -1) {
            in.unread(d);
          }
        }
        return fields;
      }
      field.append((char) c);
      c = in.read();
    }
  }
}
