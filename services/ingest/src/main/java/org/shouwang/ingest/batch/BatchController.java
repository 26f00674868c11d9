package org.shouwang.ingest.batch;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.shouwang.events.ContractJson;
import org.shouwang.ingest.IngestProperties;
import org.shouwang.ingest.intake.Candidate;
import org.shouwang.ingest.intake.Channel;
import org.shouwang.ingest.intake.Intake;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.IntakeResponses;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RequestBodies;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * {@code POST /api/v1/household-events} and {@code POST /api/v1/subsidy-payments}: one JSON record
 * or an array of up to {@code shouwang.ingest.max-records}.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('INGEST', 'ADMIN')")
class BatchController {

  /** Reads one element at a time: what follows an element is the array's business, not its own. */
  private static final ObjectReader ELEMENTS =
      ContractJson.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Intake intake;
  private final IngestProperties properties;

  BatchController(Intake intake, IngestProperties properties) {
    this.intake = intake;
    this.properties = properties;
  }

  @PostMapping(path = "/household-events", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IntakeReport> householdEvents(
      HttpServletRequest request, @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    return ingest(RecordKind.HOUSEHOLD_EVENT, request, user);
  }

  @PostMapping(path = "/subsidy-payments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IntakeReport> subsidyPayments(
      HttpServletRequest request, @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    return ingest(RecordKind.SUBSIDY_PAYMENT, request, user);
  }

  private ResponseEntity<IntakeReport> ingest(
      RecordKind kind, HttpServletRequest request, ShouwangUser user)
      throws IOException, InterruptedException {
    byte[] body = RequestBodies.read(request, properties.maxBodySize());
    // the whole body is read before the intake sends anything: malformed JSON or too many records
    // half-way through must leave nothing written
    List<Candidate> candidates = candidates(body, properties.maxRecords());
    return IntakeResponses.of(intake.ingest(kind, Channel.API, candidates, user));
  }

  /**
   * The records of a body, all parsed at once (one object, or the elements of an array, each parsed
   * once as a tree and kept with its bytes exactly as sent).
   */
  static List<Candidate> candidates(byte[] body, int maxRecords) {
    try (Elements elements = new Elements(body, maxRecords)) {
      List<Candidate> candidates = new ArrayList<>();
      elements.forEach(candidates::add);
      return candidates;
    }
  }

  /**
   * The records of a body, parsed one at a time as they are drawn: one object, or the elements of
   * an array, each parsed once as a tree and kept with its bytes exactly as sent. Whether the body
   * is empty, a scalar or an empty array is known at construction; malformed JSON further on, more
   * than {@code maxRecords} elements or content after the value surface while drawing, as the
   * problem to answer, before the last element is handed out. Iterable once.
   */
  static final class Elements implements Iterable<Candidate>, AutoCloseable {

    private final byte[] body;
    private final int maxRecords;
    private final JsonParser parser;
    private final boolean array;
    private boolean onElement;
    private boolean finished;
    private boolean drawn;
    private int count;

    Elements(byte[] body, int maxRecords) {
      this.body = body;
      this.maxRecords = maxRecords;
      this.parser = ELEMENTS.createParser(body);
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw malformed("The body is empty: send one record or a JSON array of records.");
        }
        if (first == JsonToken.START_OBJECT) {
          array = false;
        } else if (first == JsonToken.START_ARRAY) {
          array = true;
          JsonToken token = parser.nextToken();
          if (token == null) {
            throw malformed("The body is not valid JSON: the array is never closed.");
          }
          if (token == JsonToken.END_ARRAY) {
            throw malformed("The array is empty: nothing to take in.");
          }
          onElement = true;
        } else {
          throw malformed(
              "The body must be one record (a JSON object) or a JSON array of records.");
        }
      } catch (JacksonException e) {
        parser.close();
        throw malformed(e);
      } catch (RuntimeException e) {
        parser.close();
        throw e;
      }
    }

    @Override
    public Iterator<Candidate> iterator() {
      if (drawn) {
        throw new IllegalStateException("the elements of a body can be drawn once");
      }
      drawn = true;
      return new Iterator<>() {
        private Candidate next;

        @Override
        public boolean hasNext() {
          if (next == null && !finished) {
            next = advance();
          }
          return next != null;
        }

        @Override
        public Candidate next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Candidate candidate = next;
          next = null;
          return candidate;
        }
      };
    }

    /** The next element, or {@code null} once the body was read to its end and found sound. */
    private Candidate advance() {
      try {
        if (array) {
          JsonToken token = onElement ? parser.currentToken() : parser.nextToken();
          onElement = false;
          if (token == JsonToken.END_ARRAY) {
            return end();
          }
          if (token == null) {
            throw malformed("The body is not valid JSON: the array is never closed.");
          }
          if (count == maxRecords) {
            throw tooMany(maxRecords);
          }
        } else if (count == 1) {
          return end();
        }
        return element(parser, body, count++);
      } catch (JacksonException e) {
        throw malformed(e);
      } catch (NumberFormatException e) {
        // an exponent beyond BigDecimal's range ("1e99999999999"): Jackson throws this one raw
        throw malformed("The body is not valid JSON: " + e.getMessage());
      }
    }

    private Candidate end() {
      if (parser.nextToken() != null) {
        throw malformed("The body is not valid JSON: more follows after the end of the value.");
      }
      finished = true;
      return null;
    }

    @Override
    public void close() {
      parser.close();
    }
  }

  private static ErrorResponseException malformed(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return malformed("The body is not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  /** The value at the parser's current token, as a tree and (for an object) its bytes. */
  private static Candidate element(JsonParser parser, byte[] body, int index) {
    long start = parser.currentTokenLocation().getByteOffset();
    JsonNode node = ELEMENTS.readTree(parser);
    long end = parser.currentLocation().getByteOffset();
    boolean sliceable = node != null && node.isObject() && start >= 0 && end > start;
    return sliceable
        ? Candidate.json(index, node, Arrays.copyOfRange(body, (int) start, (int) end))
        : Candidate.json(index, node);
  }

  private static ErrorResponseException tooMany(int maxRecords) {
    ErrorResponseException problem =
        IntakeResponses.problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "Too many records",
            "The array has more than "
                + maxRecords
                + " records; at most "
                + maxRecords
                + " are allowed per request. Split it; nothing was written.");
    problem.getBody().setProperty("code", "TOO_LARGE");
    return problem;
  }

  private static ErrorResponseException malformed(String detail) {
    ErrorResponseException problem =
        IntakeResponses.problem(HttpStatus.BAD_REQUEST, "Malformed request", detail);
    problem.getBody().setProperty("code", "MALFORMED_JSON");
    return problem;
  }
}
