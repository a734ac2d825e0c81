package io.eventpipe.local.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps two {@code ./pipeline up} or {@code down} from changing the stack at once: both would start
 * or stop the same servers and overwrite each other's state file. The operating system releases the
 * lock when the process ends, however it ends.
 */
final class StackLock implements AutoCloseable {

    private final FileChannel channel;

    private StackLock(FileChannel channel) {
        this.channel = channel;
    }

    /** The lock, or empty when another process holds it. */
    static Optional<StackLock> tryAcquire(StackLayout layout) throws IOException {
        Files.createDirectories(layout.stateDir());
        FileChannel channel =
                FileChannel.open(
                        layout.stateDir().resolve("lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(); // null when another process holds it
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new StackLock(channel));
    }

    /** The message for a command that finds the lock taken. */
    static String busyMessage(String command) {
        return "Another ./pipeline up or down is running in this checkout; "
                + command
                + " did nothing. Wait for it to finish, then try again.";
    }

    @Override
    public void close() throws IOException {
        channel.close(); // releases the lock
    }
}
