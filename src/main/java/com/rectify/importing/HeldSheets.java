package com.rectify.importing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sheets checked on the import page, kept in memory until they are imported, so the person need not choose the file
 * again. Each is found by a random token that only the person who checked it may use, and is let go after
 * {@code keep-for}; past {@code max-sheets}, {@code max-per-person} or {@code max-total-size} the oldest goes first.
 * Like the sign-in session, the sheets are kept on the node that answered.
 */
@Component
class HeldSheets {

  private record Entry(HeldSheet sheet, Instant heldAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HeldSheetProperties properties;
  private final Clock clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  @Autowired
  public HeldSheets(HeldSheetProperties properties) {
    this(properties, Clock.systemUTC());
  }

  HeldSheets(HeldSheetProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** How long a sheet is kept after it was checked. */
  Duration keptFor() {
    return properties.keepFor();
  }

  /** Keeps the sheet and answers its token; empty when the sheet alone is larger than all that may be kept. */
  synchronized Optional<String> keep(HeldSheet sheet) {
    long size = sheet.bytes().length;
    if (size > properties.maxTotalSize().toBytes()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    entries.values().removeIf(entry -> expired(entry, now));
    while (count(sheet.owner()) >= properties.maxPerPerson()) {
      letGoOldest(sheet.owner());
    }
    while (!entries.isEmpty() && (entries.size() >= properties.maxSheets() || totalSize() + size > properties.maxTotalSize().toBytes())) {
      letGoOldest(null);
    }
    String token = newToken();
    entries.put(token, new Entry(sheet, now));
    return Optional.of(token);
  }

  /** The sheet kept under this token for this person, taken out; empty when there is none, it has expired, or it is another's. */
  synchronized Optional<HeldSheet> take(String token, String owner) {
    Optional<HeldSheet> found = find(token, owner);
    found.ifPresent(sheet -> entries.remove(token));
    return found;
  }

  /** Lets go of the sheet kept under this token, if it is this person's. */
  synchronized void release(String token, String owner) {
    take(token, owner);
  }

  private Optional<HeldSheet> find(String token, String owner) {
    Entry entry = token == null ? null : entries.get(token);
    if (entry == null || !entry.sheet().owner().equals(owner)) {
      return Optional.empty();
    }
    if (expired(entry, clock.instant())) {
      entries.remove(token);
      return Optional.empty();
    }
    return Optional.of(entry.sheet());
  }

  private boolean expired(Entry entry, Instant now) {
    return !entry.heldAt().plus(properties.keepFor()).isAfter(now);
  }

  private long count(String owner) {
    return entries.values().stream().filter(entry -> entry.sheet().owner().equals(owner)).count();
  }

  private long totalSize() {
    return entries.values().stream().mapToLong(entry -> entry.sheet().bytes().length).sum();
  }

  /** Lets go of the oldest sheet (of this person, or of anyone when null). */
  private void letGoOldest(String owner) {
    entries.entrySet().stream()
        .filter(e -> owner == null || e.getValue().sheet().owner().equals(owner))
        .min(Comparator.comparing(e -> e.getValue().heldAt()))
        .map(Map.Entry::getKey)
        .ifPresent(entries::remove);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
