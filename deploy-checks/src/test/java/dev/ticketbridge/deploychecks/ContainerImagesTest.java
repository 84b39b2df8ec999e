package dev.ticketbridge.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The images Jib builds are the ones compose and Kubernetes run: {@code ticketbridge/<module>:<version>}, i.e. group
 * {@code ticketbridge} in the module's POM or its parent's, and an application name (the image name) equal to the
 * module's name; and nothing is built unless asked for.
 */
class ContainerImagesTest {

    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    @Test
    void everyRunnableModuleBuildsTheImageComposeAndKubernetesRun() {
        for (String module : Repo.RUNNABLE) {
            String pom = Repo.read(module + "/pom.xml");
            String parent = pom.contains("<artifactId>ticketbridge-service-parent</artifactId>")
                    ? Repo.read("service-parent/pom.xml") : pom;
            assertThat(pom + parent).as(module).contains("<artifactId>quarkus-container-image-jib</artifactId>");
            assertThat(parent).as(module)
                    .contains("<quarkus.container-image.group>ticketbridge</quarkus.container-image.group>")
                    .contains("<quarkus.container-image.build>false</quarkus.container-image.build>");
            assertThat(imageName(module, pom)).as(module).isEqualTo(module);
        }
    }

    /** quarkus.container-image.name defaults to the application name, which defaults to the artifactId. */
    private static String imageName(String module, String pom) {
        Properties properties = Repo.applicationProperties(module);
        String explicit = properties.getProperty("quarkus.container-image.name");
        if (explicit != null) {
            return explicit;
        }
        String application = properties.getProperty("quarkus.application.name");
        if (application != null) {
            return application;
        }
        Matcher artifact = ARTIFACT_ID.matcher(pom);
        return artifact.find() ? artifact.group(1) : null;
    }
}
