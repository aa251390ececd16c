package io.gatehouse.it.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the architecture guide (§3.10), written against a root package so that the same rules check the
 * product ({@code io.gatehouse}) and a fixture with one planted violation. Rules that match no class fail, so a
 * renamed package cannot turn a rule into a no-op.
 */
final class HexagonRules {

    private HexagonRules() {
    }

    static List<ArchRule> of(String root) {
        String domain = root + ".domain..";
        String application = root + ".application..";
        String portIn = root + ".application.port.in..";
        String portOut = root + ".application.port.out..";
        String service = root + ".application.service..";
        String adapters = root + ".adapter..";
        String bootstrap = root + ".bootstrap..";
        return List.of(
                classes().that().resideInAPackage(domain)
                        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain)
                        .as("1. the domain depends on the JDK alone"),
                classes().that().resideInAPackage(application)
                        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain, application)
                        .as("2. the application depends on the domain and the JDK alone"),
                noClasses().that().resideInAnyPackage(domain, application)
                        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "org.pac4j..",
                                "redis.clients..", "com.unboundid..", "com.fasterxml.jackson..", "jakarta..", "javax..",
                                "org.springframework..", "lombok..", "io.vavr..", "org.jmolecules..", "org.slf4j..")
                        .as("3. no framework in the domain or the application"),
                slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
                        .as("4. adapters never depend on each other"),
                noClasses().that().resideInAPackage(portIn)
                        .should().dependOnClassesThat().resideInAnyPackage(portOut, service)
                        .as("5a. incoming ports see neither outgoing ports nor services"),
                noClasses().that().resideInAPackage(portOut)
                        .should().dependOnClassesThat().resideInAnyPackage(portIn, service)
                        .as("5b. outgoing ports see neither incoming ports nor services"),
                noClasses().that().resideOutsideOfPackages(service, bootstrap)
                        .should().dependOnClassesThat().resideInAPackage(service)
                        .as("6. only the composition root knows the services; adapters see use-case interfaces"),
                noClasses().that().resideOutsideOfPackage(adapters)
                        .should().dependOnClassesThat().resideInAPackage(root + ".adapter.*.internal..")
                        .allowEmptyShould(true)
                        .as("7. an adapter's internals are reached from that adapter only"),
                slices().matching(root + ".(**)").should().beFreeOfCycles()
                        .as("8. no package cycles"),
                classes().that().implement(useCaseOf(root)).and().areNotInterfaces()
                        .should().resideInAPackage(service).andShould().haveSimpleNameEndingWith("Service")
                        .as("9. use cases are implemented by services named ...Service"),
                // one pattern: ArchUnit chains and()/or() strictly left to right, without precedence
                classes().that().resideInAPackage(portIn).and().haveNameMatching(".*(Command|Query|Result)")
                        .should(beARecordAnEnumOrAnInterface())
                        .as("10. commands, queries and results are records, enums or sealed interfaces of records"),
                methods().that().areDeclaredInClassesThat().resideInAPackage(domain).and().arePublic()
                        .should().haveNameNotMatching("set[A-Z].*")
                        .as("11a. domain types have no setters"),
                classes().that().resideInAPackage(domain)
                        .should(haveOnlyFinalInstanceFields())
                        .as("11b. domain fields are final"),
                noClasses().that().resideOutsideOfPackages(adapters, domain)
                        .should().callMethodWhere(named("reconstitute"))
                        .as("12. only adapters reconstitute stored entities"),
                noClasses().that().resideInAnyPackage(domain, application)
                        .should().callMethod(Instant.class, "now")
                        .orShould().callMethod(LocalDateTime.class, "now")
                        .orShould().callMethod(System.class, "currentTimeMillis")
                        .orShould().callConstructor(Date.class)
                        .as("13. time comes from an injected Clock"),
                noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                        .as("14. randomness is SecureRandom, never java.util.Random"),
                NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS,
                NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING,
                NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS,
                NO_CLASSES_SHOULD_USE_FIELD_INJECTION);
    }

    private static DescribedPredicate<JavaClass> useCaseOf(String root) {
        String portIn = root + ".application.port.in";
        return DescribedPredicate.describe("a use case of " + portIn, type ->
                type.isInterface() && type.getPackageName().startsWith(portIn) && type.getSimpleName().endsWith("UseCase"));
    }

    private static DescribedPredicate<JavaMethodCall> named(String name) {
        return DescribedPredicate.describe("a method named " + name, call -> call.getTarget().getName().equals(name));
    }

    private static ArchCondition<JavaClass> beARecordAnEnumOrAnInterface() {
        return new ArchCondition<>("be a record, an enum or an interface") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean ok = type.isRecord() || type.isEnum() || type.isInterface();
                events.add(new SimpleConditionEvent(type, ok, type.getName() + " is a plain class"));
            }
        };
    }

    private static ArchCondition<JavaClass> haveOnlyFinalInstanceFields() {
        return new ArchCondition<>("have only final instance fields") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getFields().stream()
                        .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                        .filter(field -> !field.getModifiers().contains(JavaModifier.FINAL))
                        .forEach(field -> events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is not final")));
            }
        };
    }
}
