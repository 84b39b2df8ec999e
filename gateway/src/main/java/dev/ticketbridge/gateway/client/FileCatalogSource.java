package dev.ticketbridge.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.gateway.CatalogAction;
import dev.ticketbridge.gateway.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The catalog from a file in Microsoft Graph's {@code secureScoreControlProfiles} format, the same for every tenant.
 * Read once, on first use.
 */
@ApplicationScoped
public class FileCatalogSource implements CatalogSource {

    private final CatalogConfig config;
    private final ObjectMapper mapper;
    private volatile List<CatalogAction> actions;

    public FileCatalogSource(CatalogConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public List<CatalogAction> actions(String tenantId) {
        List<CatalogAction> loaded = actions;
        if (loaded == null) {
            loaded = ControlProfileMapper.toActions(read().value());
            actions = loaded;
        }
        return loaded;
    }

    private GraphControlProfilePage read() {
        String location = config.file();
        try (InputStream in = open(location)) {
            return mapper.readValue(in, GraphControlProfilePage.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the improvement-action catalog " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (resource == null) {
            throw new IOException("no such file or classpath resource: " + location);
        }
        return resource;
    }
}
