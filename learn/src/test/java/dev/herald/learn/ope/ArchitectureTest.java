package dev.herald.learn.ope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The estimators are pure: logs in, estimates out. They may use the JDK's language and collections and Hipparchus;
 * only the dataset readers (the {@code obd} package) read files.
 */
@AnalyzeClasses(packages = "dev.herald.learn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ESTIMATORS_DEPEND_ONLY_ON_JDK_BASICS_AND_HIPPARCHUS = classes()
            .that().resideInAPackage("dev.herald.learn.ope")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.math..",
                    "org.hipparchus..", "dev.herald.learn.ope")
            .because("the estimators do no I/O: callers pass logs and get estimates back");
}
