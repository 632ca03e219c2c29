package com.rectify.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes on disk under generated names, never in process variables. A file is written under a
 * temporary name and moved into place, so a crash never leaves half a file under a real name.
 */
@Component
class EvidenceStorage {

  private final Path directory;

  public EvidenceStorage(EvidenceProperties properties) {
    this.directory = properties.storageDirectory().toAbsolutePath().normalize();
  }

  public void store(String storedName, byte[] content) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "upload-", ".part");
      Files.write(temporary, content);
      Files.move(temporary, resolve(storedName), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store evidence file " + storedName, e);
    }
  }

  public byte[] read(String storedName) {
    try {
      return Files.readAllBytes(resolve(storedName));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read evidence file " + storedName, e);
    }
  }

  public void delete(String storedName) {
    try {
      Files.deleteIfExists(resolve(storedName));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete evidence file " + storedName, e);
    }
  }

  public boolean exists(String storedName) {
    return Files.exists(resolve(storedName));
  }

  private Path resolve(String storedName) {
    if (!storedName.matches("[a-f0-9-]{36}")) {
      throw new IllegalArgumentException("Not a stored evidence name: " + storedName);
    }
    return directory.resolve(storedName);
  }
}
