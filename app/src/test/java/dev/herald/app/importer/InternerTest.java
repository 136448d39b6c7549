package dev.herald.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternerTest {

    @Test
    void shouldReturnTheFirstInstanceForEqualStrings() {
        // Arrange
        Interner interner = new Interner();
        String first = new String("541312140");

        // Act
        String kept = interner.intern(first);
        String again = interner.intern(new String("541312140"));

        // Assert
        assertThat(kept).isSameAs(first);
        assertThat(again).isSameAs(first);
        assertThat(interner.size()).isEqualTo(1);
    }

    @Test
    void shouldInternARangeOfALineWithoutConfusingPrefixes() {
        // Arrange
        Interner interner = new Interner();
        String line = "12,123,1234";

        // Act
        String twelve = interner.intern(line, 0, 2);
        String oneTwoThree = interner.intern(line, 3, 6);
        String again = interner.intern("x123", 1, 4);

        // Assert
        assertThat(twelve).isEqualTo("12");
        assertThat(oneTwoThree).isEqualTo("123");
        assertThat(again).isSameAs(oneTwoThree);
        assertThat(interner.intern(line, 7, 11)).isEqualTo("1234");
        assertThat(interner.size()).isEqualTo(3);
    }

    @Test
    void shouldKeepEveryStringWhileGrowing() {
        // Arrange
        Interner interner = new Interner();
        List<String> firsts = new ArrayList<>();

        // Act
        for (int i = 0; i < 50_000; i++) {
            firsts.add(interner.intern("id" + i));
        }

        // Assert
        assertThat(interner.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i += 997) {
            assertThat(interner.intern("id" + i)).isSameAs(firsts.get(i));
        }
    }
}
