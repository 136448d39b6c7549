package dev.herald.core.util;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a marketer writes them: {@code 90s}, {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 7d},
 * {@code 2w}, or {@code 0}.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)([smhdw])");

    private DurationText() {}

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with the accepted forms when the text is not one of them
     */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not a duration; write a number and a unit: 90s, 30m, 1h, 1h30m, 7d or 2w");
        }
        return total;
    }

    /** Text that {@link #parse} reads back to the same duration, in days and smaller units: {@code 1h30m}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                text.append(seconds / units[i]).append(names[i]);
                seconds %= units[i];
            }
        }
        return text.toString();
    }
}
