package dev.confirma.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The package graph of README "Architecture", checked on the compiled classes: feature packages
 * depend one way, and the order core knows nothing of HTTP, JSON or the Cryptum adapter.
 */
class PackageGraphTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.confirma");

    /** A feature package with everything under it: {@code dev.confirma.<feature>..}. */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith("dev.confirma.")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(name.substring("dev.confirma.".length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "feature packages";
        }
    };

    @Test
    void shouldHaveNoCycleBetweenFeaturePackages() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldKeepTheOrderCoreFreeOfAdaptersHttpAndJson() {
        noClasses().that().resideInAPackage("dev.confirma.order..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.confirma.plugin..", "dev.confirma.api..", "dev.confirma.refund..", "dev.confirma.shopper..", "dev.confirma.payment..",
                        "dev.confirma.chain..", "dev.confirma.callback..", "dev.confirma.checkout..", "dev.confirma.reporting..", "dev.confirma.fraud..",
                        "dev.confirma.privacy..", "dev.confirma.common.error..", "dev.confirma.common.json..", "jakarta.ws.rs..", "com.fasterxml.jackson..",
                        "io.vertx..")
                .check(MAIN);
    }

    /** Refunds are core work the adapters call: they use order, chain and common, never an adapter or the page. */
    @Test
    void shouldKeepRefundsFreeOfAdapters() {
        noClasses().that().resideInAPackage("dev.confirma.refund..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.confirma.plugin..", "dev.confirma.api..",
                        "dev.confirma.checkout..", "dev.confirma.shopper..", "dev.confirma.callback..", "dev.confirma.payment..",
                        "dev.confirma.store..", "dev.confirma.rates..", "jakarta.ws.rs..", "io.vertx..")
                .check(MAIN);
    }

    /** Fraud screening is core work: it moves orders through the state machine, and knows no adapter, HTTP or payment. */
    @Test
    void shouldKeepFraudScreeningFreeOfAdapters() {
        noClasses().that().resideInAPackage("dev.confirma.fraud..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.confirma.plugin..", "dev.confirma.api..",
                        "dev.confirma.checkout..", "dev.confirma.shopper..", "dev.confirma.callback..", "dev.confirma.payment..",
                        "dev.confirma.chain..", "dev.confirma.rates..", "jakarta.ws.rs..", "io.vertx..")
                .check(MAIN);
    }

    /** Customer data is core work the merchant API calls: it uses order, store, callback and common, never an adapter. */
    @Test
    void shouldKeepPrivacyFreeOfAdapters() {
        noClasses().that().resideInAPackage("dev.confirma.privacy..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.confirma.plugin..", "dev.confirma.api..",
                        "dev.confirma.checkout..", "dev.confirma.shopper..", "dev.confirma.payment..", "dev.confirma.refund..",
                        "dev.confirma.chain..", "dev.confirma.rates..")
                .check(MAIN);
    }

    @Test
    void shouldKeepCommonFreeOfFeatures() {
        noClasses().that().resideInAPackage("dev.confirma.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.confirma.store..", "dev.confirma.rates..",
                        "dev.confirma.chain..", "dev.confirma.order..", "dev.confirma.payment..", "dev.confirma.callback..",
                        "dev.confirma.checkout..", "dev.confirma.config..", "dev.confirma.plugin..", "dev.confirma.api..",
                        "dev.confirma.refund..", "dev.confirma.fraud..", "dev.confirma.privacy..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheTwoAdaptersApart() {
        noClasses().that().resideInAPackage("dev.confirma.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.confirma.plugin..").check(MAIN);
        noClasses().that().resideInAPackage("dev.confirma.plugin..")
                .should().dependOnClassesThat().resideInAPackage("dev.confirma.api..").check(MAIN);
    }
}
