package dev.herald.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published FNV-1a test vectors (Fowler, Noll and Vo), so ids agree with any other implementation. */
class Fnv1aTest {

    @Test
    void shouldMatchThePublished32BitVectors() {
        assertThat(Fnv1a.hash32("")).isEqualTo(0x811c9dc5L);
        assertThat(Fnv1a.hash32("a")).isEqualTo(0xe40c292cL);
        assertThat(Fnv1a.hash32("foobar")).isEqualTo(0xbf9cf968L);
    }

    @Test
    void shouldMatchThePublished64BitVectors() {
        assertThat(Fnv1a.hash64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Fnv1a.hash64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Fnv1a.hash64("foobar")).isEqualTo(0x85944171f73967e8L);
    }
}
