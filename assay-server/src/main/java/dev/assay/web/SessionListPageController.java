package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.PageCursor;
import dev.assay.product.Version;
import dev.assay.session.Session;
import dev.assay.session.SessionService;
import dev.assay.session.SessionStatus;
import dev.assay.testcase.TestCaseService;
import dev.assay.web.DashboardViews.Option;
import dev.assay.web.DashboardViews.SessionRow;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The sessions list with its filters and keyset paging over any number of sessions. */
@Controller
class SessionListPageController {
    static final int PAGE_SIZE = 50;

    private final SessionService sessions;
    private final TestCaseService tests;
    private final Names names;

    SessionListPageController(SessionService sessions, TestCaseService tests, Names names) {
        this.sessions = sessions;
        this.tests = tests;
        this.names = names;
    }

    @GetMapping("/ui/sessions")
    String list(Caller caller, Model model,
            @RequestParam(required = false) @Nullable String versionId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String testId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String customId,
            @RequestParam(required = false) @Nullable String before) {
        Set<SessionStatus> statuses = status == null || status.isBlank() ? Set.of() : Set.of(sessionStatus(status));
        PageCursor cursor = before == null ? null : PageCursor.parse(before).orElse(null);
        Params params = Params.of()
                .put("versionIds", versionId)
                .put("testIds", testId)
                .put("fromCreatedAt", Params.startOfDay("from", from))
                .put("toCreatedAt", Params.endOfDay("to", to))
                .put("customIds", customId);
        List<Session> page = sessions.listNewestFirst(caller, params.query(), statuses, cursor, PAGE_SIZE + 1);
        List<Version> versions = names.versions(caller);
        Map<UUID, String> versionLabels = names.versionLabels(caller, versions);
        List<SessionRow> rows = page.stream().limit(PAGE_SIZE)
                .map(session -> new SessionRow(Ids.format(IdKind.SESSION, session.id()),
                        Objects.requireNonNullElse(session.details().customId(), ""),
                        versionLabels.getOrDefault(session.versionId(), Names.versionId(session.versionId())),
                        session.status().name(), Objects.requireNonNullElse(session.details().testCaseId(), ""),
                        Formats.time(session.createdAt())))
                .toList();
        if (page.size() > PAGE_SIZE) {
            Session last = page.get(PAGE_SIZE - 1);
            model.addAttribute("nextPage", UriComponentsBuilder.fromPath("/ui/sessions")
                    .queryParamIfPresent("versionId", Optional.ofNullable(versionId))
                    .queryParamIfPresent("status", Optional.ofNullable(status))
                    .queryParamIfPresent("testId", Optional.ofNullable(testId))
                    .queryParamIfPresent("from", Optional.ofNullable(from))
                    .queryParamIfPresent("to", Optional.ofNullable(to))
                    .queryParamIfPresent("customId", Optional.ofNullable(customId))
                    .queryParam("before", new PageCursor(last.createdAt(), last.id()).token())
                    .encode().build().toUriString());
        }
        model.addAttribute("sessions", rows);
        model.addAttribute("paged", cursor != null);
        model.addAttribute("versions", versions.stream()
                .map(version -> new Option(Names.versionId(version.id()),
                        versionLabels.getOrDefault(version.id(), Names.versionId(version.id())),
                        Names.versionId(version.id()).equals(versionId)))
                .toList());
        model.addAttribute("statuses", Arrays.stream(SessionStatus.values())
                .map(value -> new Option(value.name(), value.name(), value.name().equalsIgnoreCase(status)))
                .toList());
        model.addAttribute("tests", tests.listTestSuites(caller, Params.of("limit", "500", "sort", "-createdAt").query()).stream()
                .map(test -> new Option(Ids.format(IdKind.TEST, test.id()), test.name(),
                        Ids.format(IdKind.TEST, test.id()).equals(testId)))
                .toList());
        model.addAttribute("from", Objects.requireNonNullElse(from, ""));
        model.addAttribute("to", Objects.requireNonNullElse(to, ""));
        model.addAttribute("customId", Objects.requireNonNullElse(customId, ""));
        model.addAttribute("filtered", versionId != null && !versionId.isBlank() || !statuses.isEmpty()
                || testId != null && !testId.isBlank() || from != null && !from.isBlank() || to != null && !to.isBlank()
                || customId != null && !customId.isBlank());
        return "ui/sessions";
    }

    private static SessionStatus sessionStatus(String status) {
        try {
            return SessionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField("status", "must be one of PENDING, COMPLETED, FAILED");
        }
    }
}
