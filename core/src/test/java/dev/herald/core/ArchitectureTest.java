package dev.herald.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core is pure domain code: it may depend on the JDK ({@code java..}) and on itself, nothing else. Adapters
 * ({@code dev.herald.app..}) and third-party libraries belong outside the core.
 */
@AnalyzeClasses(packages = "dev.herald.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule CORE_DEPENDS_ONLY_ON_JDK_AND_ITSELF = classes()
            .that().resideInAPackage("dev.herald.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.herald.core..")
            .because("the core must stay free of adapters and third-party libraries")
            .allowEmptyShould(true);
}
