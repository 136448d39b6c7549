package dev.herald.delivery.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a local port that answers each command with a scripted reply, for failures a real server
 * is hard to make: greylisting, refused recipients, refused credentials, a silent server. It records the commands it
 * received and counts connections. Replies are keyed by verb ({@code GREETING}, {@code EHLO}, {@code AUTH},
 * {@code MAIL}, {@code RCPT}, {@code DATA}, and {@code END} for the end of the message data); unscripted verbs get a
 * 250. A {@code GREETING} of {@code ""} means the server never says anything.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        replies.put("GREETING", "220 scripted.test ESMTP");
        replies.put("EHLO", "250-scripted.test\r\n250-AUTH PLAIN\r\n250 8BITMIME");
        replies.put("DATA", "354 go ahead");
        replies.put("END", "250 2.0.0 queued as ABC123");
        replies.put("QUIT", "221 2.0.0 bye");
        acceptor = Thread.ofVirtual().start(this::acceptAll);
    }

    /** Answers the verb with the reply from now on. */
    ScriptedSmtpServer reply(String verb, String reply) {
        replies.put(verb.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** The commands received, in order, across connections. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    /** How many commands began with the verb. */
    long count(String verb) {
        return commands.stream().filter(c -> c.toUpperCase(Locale.ROOT).startsWith(verb)).count();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
        acceptor.interrupt();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            String greeting = replies.get("GREETING");
            if (greeting.isEmpty()) {
                in.read();
                return;
            }
            send(out, greeting);
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                String reply = switch (verb) {
                    case "EHLO", "HELO" -> replies.get("EHLO");
                    case "AUTH" -> {
                        if (line.trim().split(" ").length == 2) {
                            send(out, "334 ");
                            commands.add(in.readLine());
                        }
                        yield replies.getOrDefault("AUTH", "235 2.7.0 authenticated");
                    }
                    case "DATA" -> {
                        String data = replies.get("DATA");
                        if (!data.startsWith("354")) {
                            yield data;
                        }
                        send(out, data);
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            // the message itself is not kept
                        }
                        yield replies.get("END");
                    }
                    default -> replies.getOrDefault(verb, "250 2.0.0 ok");
                };
                send(out, reply);
                if (verb.equals("QUIT") || reply.startsWith("421")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
