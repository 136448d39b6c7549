package dev.herald.core.state.codec;

import dev.herald.core.profile.ContactPoint;
import dev.herald.core.profile.Profile;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes and reads a {@link Profile}. Many users have the same profile (the new-user profile, or the same traits),
 * so a profile is written once per output and referred to afterwards; a restored engine shares the instances.
 */
final class ProfileCodec {

    private static final int MAX_HOURS = 1 << 10;
    private static final int MAX_NOTES = 1 << 10;

    private ProfileCodec() {}

    static void write(Profile profile, SnapshotOutput out) throws IOException {
        if (!out.sharedValue(profile)) {
            return;
        }
        out.shared(profile.firstName());
        contact(profile.email(), out);
        contact(profile.phone(), out);
        contact(profile.pushToken(), out);
        out.shared(profile.locale());
        out.shared(profile.zone() == null ? "" : profile.zone().getId());
        out.shared(profile.preferredChannel());
        out.integer(profile.consentMask());
        out.count(profile.activeHours().size());
        for (int hour : profile.activeHours()) {
            out.integer(hour);
        }
        out.count(profile.notes().size());
        for (String note : profile.notes()) {
            out.shared(note);
        }
    }

    private static void contact(ContactPoint point, SnapshotOutput out) throws IOException {
        out.string(point.value());
        out.string(point.problem());
    }

    static Profile read(SnapshotInput in) throws IOException {
        Profile known = in.sharedValue("profile", Profile.class);
        if (known != null) {
            return known;
        }
        in.enter("profile");
        String firstName = in.shared("firstName");
        ContactPoint email = contact(in, "email");
        ContactPoint phone = contact(in, "phone");
        ContactPoint pushToken = contact(in, "pushToken");
        String locale = in.shared("locale");
        ZoneId zone = zone(in);
        String preferred = in.shared("preferredChannel");
        int consent = in.integer("consentMask");
        int hourCount = in.count("activeHours", MAX_HOURS);
        List<Integer> hours = SnapshotInput.listFor(hourCount);
        for (int i = 0; i < hourCount; i++) {
            hours.add(in.integer("activeHours"));
        }
        int noteCount = in.count("notes", MAX_NOTES);
        List<String> notes = SnapshotInput.listFor(noteCount);
        for (int i = 0; i < noteCount; i++) {
            notes.add(in.shared("notes"));
        }
        Profile profile = new Profile(firstName, email, phone, pushToken, locale, zone, preferred, consent, hours,
                notes);
        in.leave();
        return in.remember(profile);
    }

    private static ContactPoint contact(SnapshotInput in, String field) throws IOException {
        return new ContactPoint(in.string(field), in.string(field + ".problem"));
    }

    private static ZoneId zone(SnapshotInput in) throws IOException {
        String id = in.shared("zone");
        if (id.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw in.corrupt("zone", "unknown time zone \"" + id + "\" (" + e.getMessage() + ")");
        }
    }
}
