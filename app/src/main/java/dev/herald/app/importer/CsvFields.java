package dev.herald.app.importer;

/**
 * Splits one CSV line into fields, reusing one array. Fields may be double-quoted (with {@code ""} for a quote
 * inside); lines without quotes take a fast path without copying characters twice.
 */
final class CsvFields {

    private final String[] fields;
    private int count;

    CsvFields(int expected) {
        this.fields = new String[expected];
    }

    /**
     * Splits a line; afterwards {@link #count()} is the number of fields the line has (possibly more than the array
     * holds) and {@link #get} returns the first ones.
     *
     * @return {@code false} when a quoted field is not closed
     */
    boolean split(String line) {
        count = 0;
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
                add(line.substring(start, comma));
                start = comma + 1;
            }
            add(line.substring(start));
            return true;
        }
        return splitQuoted(line);
    }

    private boolean splitQuoted(String line) {
        StringBuilder field = new StringBuilder();
        int i = 0;
        int length = line.length();
        while (true) {
            field.setLength(0);
            if (i < length && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= length) {
                        return false;
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < length && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                while (i < length && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                field.append(line, i, end);
                i = end;
            }
            add(field.toString());
            if (i >= length) {
                return true;
            }
            i++; // the comma
        }
    }

    private void add(String value) {
        if (count < fields.length) {
            fields[count] = value;
        }
        count++;
    }

    int count() {
        return count;
    }

    /** The field at a 0-based index below both {@link #count()} and the expected number. */
    String get(int index) {
        return fields[index];
    }
}
