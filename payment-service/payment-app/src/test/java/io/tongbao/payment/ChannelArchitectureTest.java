package io.tongbao.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The arrows of the channel design point one way: the flow (attempt, notify) uses the channel interface and its
 * neutral records; no channel imports the flow, the flow imports no provider package, and providers ignore each other.
 */
class ChannelArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tongbao.payment");

    @Test
    void noChannelImportsTheFlow() {
        noClasses().that().resideInAPackage("io.tongbao.payment.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tongbao.payment.attempt..",
                        "io.tongbao.payment.notify..")
                .check(MAIN);
    }

    @Test
    void theFlowKnowsNoProvider() {
        noClasses().that().resideInAnyPackage("io.tongbao.payment.attempt..", "io.tongbao.payment.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tongbao.payment.channel.alipay..",
                        "io.tongbao.payment.channel.wechat..", "com.alipay..", "com.wechat..")
                .check(MAIN);
    }

    @Test
    void providersIgnoreEachOther() {
        noClasses().that().resideInAPackage("io.tongbao.payment.channel.alipay..")
                .should().dependOnClassesThat().resideInAPackage("io.tongbao.payment.channel.wechat..").check(MAIN);
        noClasses().that().resideInAPackage("io.tongbao.payment.channel.wechat..")
                .should().dependOnClassesThat().resideInAPackage("io.tongbao.payment.channel.alipay..").check(MAIN);
    }
}
