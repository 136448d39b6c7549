package dev.herald.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    private static final String TEXT = "1,2,3,pv,1511544070\n";

    @Test
    void shouldGunzipFileStartingWithGzipMagicWhateverItsName(@TempDir Path dir) throws IOException {
        // Arrange
        Path file = dir.resolve("log.csv");
        Files.write(file, gzip(TEXT));

        // Act
        String read;
        try (InputStream in = InputFiles.open(file)) {
            read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // Assert
        assertThat(read).isEqualTo(TEXT);
    }

    @Test
    void shouldReadPlainFileAsItIsEvenWithGzSuffix(@TempDir Path dir) throws IOException {
        // Arrange
        Path file = dir.resolve("log.csv.gz");
        Files.writeString(file, TEXT);

        // Act
        String read;
        try (InputStream in = InputFiles.open(file)) {
            read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // Assert
        assertThat(read).isEqualTo(TEXT);
    }

    @Test
    void shouldGunzipStream() throws IOException {
        // Act
        String read;
        try (InputStream in = InputFiles.open(new ByteArrayInputStream(gzip(TEXT)))) {
            read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // Assert
        assertThat(read).isEqualTo(TEXT);
    }

    @Test
    void shouldReadEmptyAndOneByteStreams() throws IOException {
        // Act / Assert
        try (InputStream in = InputFiles.open(new ByteArrayInputStream(new byte[0]))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        try (InputStream in = InputFiles.open(new ByteArrayInputStream(new byte[] {0x1f}))) {
            assertThat(in.readAllBytes()).containsExactly(0x1f);
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
