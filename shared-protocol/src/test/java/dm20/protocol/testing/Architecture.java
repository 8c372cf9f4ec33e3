package dm20.protocol.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Architecture rules every module keeps, checked by each module's {@code ArchitectureTest} on its compiled main
 * classes (tests excluded) with ArchUnit: no cycle between packages, and Chronicle seen only by a {@code queue}
 * package (STYLE.md 3: logic depends on an outbound interface, never on a Chronicle appender).
 */
public final class Architecture {

    private Architecture() {
    }

    /** The main (non-test) classes under {@code rootPackage}. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(rootPackage);
    }

    /** Each package (not package tree) is one slice: a cycle between any two packages fails, the root included. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(rootPackage) || pkg.startsWith(rootPackage + ".") ? SliceIdentifier.of(pkg)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + rootPackage;
            }
        }).should().beFreeOfCycles();
    }

    /** Only classes in a package named {@code queue} may use Chronicle ({@code net.openhft}). */
    public static ArchRule chronicleOnlyInQueue() {
        return noClasses().that(outsideQueue()).should().dependOnClassesThat().resideInAPackage("net.openhft..")
                .because("logic depends on an outbound interface; Chronicle types live in one queue package");
    }

    private static DescribedPredicate<JavaClass> outsideQueue() {
        return DescribedPredicate.describe("are outside a queue package",
                c -> !c.getPackageName().endsWith(".queue") && !c.getPackageName().contains(".queue."));
    }
}
