package dev.herald.experiments.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The statistics are pure: counts in, immutable results out. They may use the JDK's language and collections and
 * Hipparchus, nothing that does I/O, reads a clock or talks to a database.
 */
@AnalyzeClasses(packages = "dev.herald.experiments", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule STATS_DEPEND_ONLY_ON_JDK_BASICS_AND_HIPPARCHUS = classes()
            .that().resideInAPackage("dev.herald.experiments..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.math..",
                    "org.hipparchus..", "dev.herald.experiments..")
            .because("the experiment statistics do no I/O: callers pass counts and get values back")
            .allowEmptyShould(true);
}
