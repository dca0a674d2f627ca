package org.rollcall.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kasm Workspaces Developer API for tests, on 127.0.0.1 and a free port: the documented calls
 * ({@code POST /api/public/<call>}) with their request and answer shapes, keeping users and group
 * memberships in memory. Usernames are unique as in Kasm. Key and secret are checked in the body
 * or as HTTP Basic. Every request is logged as received. How it answers is set with
 * {@link #behave}: normally, dropping the connection (Kasm down), HTTP 500, an HTTP 200 with
 * {@code error_message}, slowly, or not in time.
 */
public final class FakeKasm implements AutoCloseable {

    public static final String KEY = "fake-kasm-key";
    public static final String SECRET = "fake-kasm-secret-4f1d";

    public enum Behaviour { NORMAL, DROP_CONNECTION, HTTP_500, ERROR_MESSAGE, SLOW, NO_ANSWER }

    /** One request as received: the call and its raw body. */
    public record Request(String call, String body, String authorization) {
    }

    /** A Kasm user as the fake holds it (the password too, to check what was set). */
    public static final class User {
        public final String userId = UUID.randomUUID().toString();
        public volatile String username;
        public volatile String firstName = "";
        public volatile String lastName = "";
        public volatile boolean disabled;
        public volatile String password;
        public final Set<String> groups = ConcurrentHashMap.newKeySet();
        public volatile int logouts;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile long slowMillis = 300;
    private volatile String loseAnswerOf;
    private volatile String holdAnswerOf;
    private volatile CountDownLatch held = new CountDownLatch(0);

    private FakeKasm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/api/public/", this::handle);
        server.start();
    }

    public static FakeKasm start() {
        try {
            return new FakeKasm();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** How long {@link Behaviour#SLOW} waits before answering; {@link Behaviour#NO_ANSWER} waits 60 s. */
    public void slowBy(long millis) {
        this.slowMillis = millis;
    }

    /** Carries out calls of this kind but drops the connection instead of answering (null: answers all). */
    public void loseAnswersOf(String call) {
        this.loseAnswerOf = call;
    }

    /**
     * Carries out calls of this kind at once but answers them only when {@link #releaseAnswers()} is
     * called (or after 10 s): what Rollcall does meanwhile happens while a call is in flight.
     */
    public void holdAnswersOf(String call) {
        held = new CountDownLatch(1);
        holdAnswerOf = call;
    }

    public void releaseAnswers() {
        holdAnswerOf = null;
        held.countDown();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    /** The calls received with a body naming this username (target_user.username), in order. */
    public List<String> callsNaming(String username) {
        return requests().stream().filter(r -> r.body().contains("\"username\":\"" + username + "\"")).map(Request::call).toList();
    }

    public User user(String username) {
        return users.values().stream().filter(u -> u.username.equals(username)).findFirst().orElse(null);
    }

    public Map<String, User> users() {
        return Map.copyOf(users);
    }

    /** A user deleted in Kasm directly, behind Rollcall's back. */
    public void removeUser(String username) {
        User u = user(username);
        if (u != null) {
            users.remove(u.userId);
        }
    }

    /** A user made in Kasm directly (by Kasm's admin), not through Rollcall. */
    public User addUser(String username, String first, String last) {
        User u = new User();
        u.username = username;
        u.firstName = first;
        u.lastName = last;
        users.put(u.userId, u);
        return u;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestURI().getPath().substring("/api/public/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            requests.add(new Request(call, body, exchange.getRequestHeaders().getFirst("Authorization")));
        }
        try {
            switch (behaviour) {
                case DROP_CONNECTION -> {
                    exchange.close();   // no status line: the client sees the connection end
                    return;
                }
                case HTTP_500 -> {
                    answer(exchange, 500, "{\"error\": \"Internal Server Error\"}");
                    return;
                }
                case ERROR_MESSAGE -> {
                    answer(exchange, 200, "{\"error_message\": \"Kasm is in maintenance mode\"}");
                    return;
                }
                case SLOW -> pause(slowMillis);
                case NO_ANSWER -> pause(60_000);
                case NORMAL -> { }
            }
            JsonNode request = JSON.readTree(body.isEmpty() ? "{}" : body);
            if (!authorised(exchange, request)) {
                answer(exchange, 403, "{\"error_message\": \"Access Denied\"}");
                return;
            }
            String answer = JSON.writeValueAsString(answer(call, request));
            if (call.equals(holdAnswerOf)) {
                awaitRelease();
            }
            if (call.equals(loseAnswerOf)) {
                exchange.close();   // done in Kasm, but the answer never arrives
                return;
            }
            answer(exchange, 200, answer);
        } catch (RuntimeException e) {
            answer(exchange, 500, "{\"error\": \"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private boolean authorised(HttpExchange exchange, JsonNode request) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null) {
            return basic.equals("Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        }
        return KEY.equals(request.path("api_key").asText()) && SECRET.equals(request.path("api_key_secret").asText());
    }

    private synchronized Map<String, Object> answer(String call, JsonNode request) {
        JsonNode target = request.path("target_user");
        return switch (call) {
            case "get_users" -> Map.of("users", users.values().stream().map(FakeKasm::view).toList());
            case "get_user" -> {
                User u = find(target);
                yield u == null ? Map.of("error_message", "User does not exist") : Map.of("user", view(u));
            }
            case "create_user" -> {
                String username = target.path("username").asText("");
                if (username.isEmpty() || user(username) != null) {
                    yield Map.of("error_message", username.isEmpty() ? "Username is required" : "Username already exists");
                }
                User u = new User();
                u.username = username;
                apply(u, target);
                users.put(u.userId, u);
                yield Map.of("user", view(u));
            }
            case "update_user" -> {
                User u = users.get(target.path("user_id").asText());
                if (u == null) {
                    yield Map.of("error_message", "User does not exist");
                }
                apply(u, target);
                yield Map.of("user", view(u));
            }
            case "delete_user" -> {
                User u = users.remove(target.path("user_id").asText());
                yield u == null ? Map.of("error_message", "User does not exist") : Map.of();
            }
            case "add_user_group", "remove_user_group" -> {
                User u = users.get(target.path("user_id").asText());
                String group = request.path("target_group").path("group_id").asText("");
                if (u == null || group.isEmpty()) {
                    yield Map.of("error_message", u == null ? "User does not exist" : "Group does not exist");
                }
                if (call.equals("add_user_group")) {
                    u.groups.add(group);
                } else {
                    u.groups.remove(group);
                }
                yield Map.of();
            }
            case "logout_user" -> {
                User u = users.get(target.path("user_id").asText());
                if (u == null) {
                    yield Map.of("error_message", "User does not exist");
                }
                u.logouts++;
                yield Map.of();
            }
            default -> Map.of("error_message", "Unknown API call " + call);
        };
    }

    private User find(JsonNode target) {
        if (target.hasNonNull("user_id")) {
            return users.get(target.get("user_id").asText());
        }
        return user(target.path("username").asText(""));
    }

    private static void apply(User u, JsonNode target) {
        if (target.has("username")) {
            u.username = target.get("username").asText();
        }
        if (target.has("first_name")) {
            u.firstName = target.get("first_name").asText();
        }
        if (target.has("last_name")) {
            u.lastName = target.get("last_name").asText();
        }
        if (target.has("disabled")) {
            u.disabled = target.get("disabled").asBoolean();
        }
        if (target.has("password")) {
            u.password = target.get("password").asText();
        }
    }

    /** A user as Kasm answers with one: never the password. */
    private static Map<String, Object> view(User u) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user_id", u.userId);
        view.put("username", u.username);
        view.put("first_name", u.firstName);
        view.put("last_name", u.lastName);
        view.put("disabled", u.disabled);
        view.put("locked", false);
        List<Map<String, String>> groups = new ArrayList<>();
        new LinkedHashSet<>(u.groups).forEach(g -> groups.add(Map.of("group_id", g, "name", "Group " + g)));
        view.put("groups", groups);
        return view;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            held.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);   // the slow Kasm itself, not a test's wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
