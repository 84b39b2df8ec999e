package dev.ticketbridge.emulator.rest;

import static dev.ticketbridge.emulator.Emulator.asIntegrationUser;
import static dev.ticketbridge.emulator.Emulator.newIncident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.emulator.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaginationTest {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>;rel=\"(\\w+)\"");

    @BeforeEach
    void createMoreThanOnePage() {
        Emulator.reset();
        for (int i = 0; i < 25; i++) {
            newIncident(Map.of("short_description", "ticket " + i));
        }
    }

    @Test
    void followingNextLinksVisitsEveryRecordOnceEvenWithEqualUpdateTimes() {
        List<String> seen = new ArrayList<>();
        String next = "/api/now/table/incident?sysparm_limit=10&sysparm_query=ORDERBYsys_updated_on";
        while (next != null) {
            Response page = asIntegrationUser().urlEncodingEnabled(false).get(next);
            assertThat(page.header("X-Total-Count")).isEqualTo("25");
            seen.addAll(page.path("result.sys_id"));
            next = links(page).get("next");
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void middlePageHasFirstPrevNextAndLastLinks() {
        Response page = asIntegrationUser().queryParam("sysparm_limit", 10).queryParam("sysparm_offset", 10)
                .get("/api/now/table/incident");
        Map<String, String> links = links(page);
        assertThat(links).containsOnlyKeys("first", "prev", "next", "last");
        assertThat(links.get("first")).contains("sysparm_offset=0");
        assertThat(links.get("prev")).contains("sysparm_offset=0");
        assertThat(links.get("next")).contains("sysparm_offset=20");
        assertThat(links.get("last")).contains("sysparm_offset=20").contains("sysparm_limit=10");
        assertThat(page.<List<?>>path("result")).hasSize(10);
    }

    @Test
    void lastPageHasNoNextLink() {
        Response page = asIntegrationUser().queryParam("sysparm_limit", 10).queryParam("sysparm_offset", 20)
                .get("/api/now/table/incident");
        assertThat(links(page)).doesNotContainKey("next").containsKey("prev");
        assertThat(page.<List<?>>path("result")).hasSize(5);
    }

    @Test
    void defaultLimitReturnsAllRecordsUpTo10000() {
        Response page = asIntegrationUser().get("/api/now/table/incident");
        assertThat(page.<List<?>>path("result")).hasSize(25);
        assertThat(links(page)).containsOnlyKeys("first", "last");
    }

    @Test
    void suppressPaginationHeaderRemovesTheLinkHeaderButKeepsTheCount() {
        Response page = asIntegrationUser().queryParam("sysparm_limit", 10)
                .queryParam("sysparm_suppress_pagination_header", "true").get("/api/now/table/incident");
        assertThat(page.header("Link")).isNull();
        assertThat(page.header("X-Total-Count")).isEqualTo("25");
    }

    private static Map<String, String> links(Response response) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        String header = response.header("Link");
        if (header == null) {
            return links;
        }
        Matcher matcher = LINK.matcher(header);
        while (matcher.find()) {
            String uri = matcher.group(1);
            links.put(matcher.group(2), uri.substring(uri.indexOf("/api/now")));
        }
        return links;
    }
}
