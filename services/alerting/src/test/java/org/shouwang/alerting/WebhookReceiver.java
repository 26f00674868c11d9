package org.shouwang.alerting;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for WeCom, DingTalk and generic webhook receivers: it records
 * every request and answers each path as told (default {@code 200 {"errcode":0}}). It can be
 * created down (its port reserved but not listening) and started later.
 */
final class WebhookReceiver implements AutoCloseable {

  /** A request as received. */
  record Request(String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** An answer. */
  record Answer(int status, String body) {}

  private final int port;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private volatile HttpServer server;

  private WebhookReceiver(int port) {
    this.port = port;
  }

  /** A receiver listening on a free port. */
  static WebhookReceiver started() {
    WebhookReceiver receiver = new WebhookReceiver(freePort());
    receiver.start();
    return receiver;
  }

  /** A receiver that is down: its port is chosen, nothing listens yet. */
  static WebhookReceiver down() {
    return new WebhookReceiver(freePort());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
  }

  synchronized void start() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      s.createContext(
          "/",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(
                new Request(
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Answer answer = answers.getOrDefault(path, new Answer(200, "{\"errcode\":0}"));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
          });
      s.start();
      server = s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  List<Request> requestsMentioning(String path, String text) {
    return requests(path).stream().filter(r -> r.body().contains(text)).toList();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
