package com.rectify.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail relay in front of the test's SMTP server that can be made to hang: while holding, it accepts
 * connections and never answers, so a node's sender sits on the mail it has claimed — the moment to kill it
 * when no mail may be half-sent. Otherwise it passes everything through.
 */
final class SmtpRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger held = new AtomicInteger();
  /** Connections let through before a hold whose sender has not yet hung up. */
  private final AtomicInteger passing = new AtomicInteger();
  private volatile boolean holding;

  SmtpRelay(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  void hold() {
    holding = true;
  }

  void release() {
    holding = false;
  }

  /**
   * No connection that came before the hold is still passing mail through: from now on no mail can be part-way
   * to the server, so a node killed now has either handed a mail over (and been told so) or not sent it at all.
   */
  boolean quiet() {
    return passing.get() == 0;
  }

  /** How many connections arrived while holding and were left hanging: a sender is sitting on its mail. */
  int held() {
    return held.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (holding) {
          held.incrementAndGet();
        } else {
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
          sockets.add(upstream);
          passing.incrementAndGet();
          pump(client, upstream, passing::decrementAndGet);
          pump(upstream, client, () -> {});
        }
      } catch (IOException e) {
        if (!server.isClosed()) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static void pump(Socket from, Socket to, Runnable done) {
    Thread thread = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException closed) {
        // One side hung up.
      } finally {
        try {
          to.close();
        } catch (IOException ignored) {
          // Already closed.
        }
        done.run();
      }
    }, "smtp-relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
