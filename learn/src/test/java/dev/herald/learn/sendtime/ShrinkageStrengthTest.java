package dev.herald.learn.sendtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

class ShrinkageStrengthTest {

    /** A population pattern with a daily rhythm: evenings weigh more than nights. */
    static double[] prior() {
        double[] prior = new double[HourOfWeek.HOURS];
        double total = 0;
        for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
            int ofDay = hour % 24;
            prior[hour] = ofDay < 7 ? 0.2 : ofDay >= 18 ? 3.0 : 1.0;
            total += prior[hour];
        }
        for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
            prior[hour] /= total;
        }
        return prior;
    }

    /** Users whose shares are Dirichlet(k p) and who engage {@code events} times each. */
    static List<double[]> users(double strength, int count, int events, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] prior = prior();
        List<double[]> users = new ArrayList<>();
        for (int user = 0; user < count; user++) {
            double[] shares = new double[HourOfWeek.HOURS];
            double total = 0;
            for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
                shares[hour] = random.nextGamma(strength * prior[hour], 1);
                total += shares[hour];
            }
            double[] counts = new double[HourOfWeek.HOURS];
            for (int event = 0; event < events; event++) {
                double u = random.nextDouble() * total;
                int hour = 0;
                while (hour < HourOfWeek.HOURS - 1 && u >= shares[hour]) {
                    u -= shares[hour];
                    hour++;
                }
                counts[hour]++;
            }
            users.add(counts);
        }
        return users;
    }

    @Test
    void shouldRecoverTheStrengthOfSimulatedUsers() {
        for (double strength : new double[] {5, 20, 80}) {
            double estimate = ShrinkageStrength.estimate(users(strength, 3000, 40, (long) strength), prior());

            assertThat(estimate).as("true k = " + strength).isBetween(strength * 0.85, strength * 1.15);
        }
    }

    @Test
    void shouldReturnTheMaximumWhenUsersLookLikeThePopulation() {
        double estimate = ShrinkageStrength.estimate(users(1e7, 2000, 40, 7), prior());

        assertThat(estimate).isGreaterThan(300);
    }

    @Test
    void shouldRefuseTooFewUsers() {
        assertThatThrownBy(() -> ShrinkageStrength.estimate(users(10, 1, 40, 1), prior()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 users");
    }
}
