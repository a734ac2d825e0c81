package io.eventpipe.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Port checks on the loopback interface, where every local server listens.
 *
 * <p>A free port found here can still be taken by another process before a server binds it; the
 * server then fails to start with a {@link ServerStartException} naming that port.
 */
public final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private Ports() {}

    /** Returns a port that nothing listens on at the moment, chosen by the operating system. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** True when something accepts connections on 127.0.0.1 at this port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails fast, before a server is launched, when one of its ports is already taken. */
    public static void requireFree(String server, Path logFile, int... ports) {
        for (int port : ports) {
            if (isListening(port)) {
                throw new ServerStartException(
                        server, port, logFile, "the port is already in use by another process");
            }
        }
    }
}
