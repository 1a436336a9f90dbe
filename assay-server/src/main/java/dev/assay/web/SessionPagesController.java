package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.PageCursor;
import dev.assay.evaluation.Evaluation;
import dev.assay.evaluation.EvaluationQueryService;
import dev.assay.inference.InferenceResult;
import dev.assay.inference.InferenceResultService;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.session.Session;
import dev.assay.session.SessionService;
import dev.assay.session.SessionStatus;
import dev.assay.testcase.TestCaseService;
import dev.assay.web.DashboardViews.EvaluationView;
import dev.assay.web.DashboardViews.Option;
import dev.assay.web.DashboardViews.SessionRow;
import dev.assay.web.DashboardViews.TurnView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The sessions list with its filters and keyset paging, and the conversation view of one session. */
@Controller
class SessionPagesController {
    static final int PAGE_SIZE = 50;

    private final SessionService sessions;
    private final InferenceResultService turns;
    private final EvaluationQueryService evaluations;
    private final ProductService products;
    private final TestCaseService tests;
    private final Names names;

    SessionPagesController(SessionService sessions, InferenceResultService turns, EvaluationQueryService evaluations,
            ProductService products, TestCaseService tests, Names names) {
        this.sessions = sessions;
        this.turns = turns;
        this.evaluations = evaluations;
        this.products = products;
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
        Params params = Params.of("sort", "-createdAt", "limit", String.valueOf(PAGE_SIZE + 1))
                .put("versionIds", versionId)
                .put("testIds", testId)
                .put("fromCreatedAt", Params.startOfDay("from", from))
                .put("toCreatedAt", Params.endOfDay("to", to))
                .put("customIds", customId);
        List<Session> page = sessions.list(caller, params.query(), statuses, cursor);
        List<Version> versions = names.versions(caller);
        Map<UUID, String> versionLabels = names.versionLabels(caller, versions);
        List<SessionRow> rows = page.stream().limit(PAGE_SIZE)
                .map(session -> new SessionRow(Ids.format(IdKind.SESSION, session.id()),
                        Objects.requireNonNullElse(session.customId(), ""),
                        versionLabels.getOrDefault(session.versionId(), Names.versionId(session.versionId())),
                        session.status().name(), Objects.requireNonNullElse(session.testCaseId(), ""),
                        Formats.time(session.createdAt())))
                .toList();
        if (page.size() > PAGE_SIZE) {
            Session last = page.get(PAGE_SIZE - 1);
            model.addAttribute("nextPage", UriComponentsBuilder.fromPath("/ui/sessions")
                    .queryParamIfPresent("versionId", java.util.Optional.ofNullable(versionId))
                    .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                    .queryParamIfPresent("testId", java.util.Optional.ofNullable(testId))
                    .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                    .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                    .queryParamIfPresent("customId", java.util.Optional.ofNullable(customId))
                    .queryParam("before", new PageCursor(last.createdAt(), last.id()).token())
                    .encode().build().toUriString());
        }
        model.addAttribute("sessions", rows);
        model.addAttribute("paged", cursor != null);
        model.addAttribute("versions", versions.stream()
                .map(version -> new Option(Names.versionId(version.id()), versionLabels.get(version.id()),
                        Names.versionId(version.id()).equals(versionId)))
                .toList());
        model.addAttribute("statuses", java.util.Arrays.stream(SessionStatus.values())
                .map(value -> new Option(value.name(), value.name(), value.name().equalsIgnoreCase(status)))
                .toList());
        model.addAttribute("tests", tests.listTests(caller, Params.of("limit", "500", "sort", "-createdAt").query()).stream()
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

    @GetMapping("/ui/sessions/{sessionId}")
    String conversation(Caller caller, @PathVariable String sessionId, Model model) {
        Session session = sessions.get(caller, sessionId);
        Version version = products.getVersionById(caller, session.versionId());
        List<InferenceResult> sessionTurns = turns.listSessionTurns(caller, session.id());
        List<Evaluation> sessionEvaluations = evaluations.list(caller,
                Params.of("sessionIds", sessionId, "sort", "createdAt", "limit", "10000").query());
        Map<UUID, String> metricNames = names.metrics(caller,
                sessionEvaluations.stream().map(Evaluation::metricId).collect(Collectors.toSet()));
        Map<UUID, List<EvaluationView>> byTurn = new java.util.HashMap<>();
        List<EvaluationView> conversationLevel = new ArrayList<>();
        for (Evaluation evaluation : sessionEvaluations) {
            EvaluationView view = evaluationView(evaluation, metricNames);
            if (evaluation.inferenceResultId() == null) {
                conversationLevel.add(view);
            } else {
                byTurn.computeIfAbsent(evaluation.inferenceResultId(), id -> new ArrayList<>()).add(view);
            }
        }
        List<TurnView> turnViews = sessionTurns.stream()
                .map(turn -> new TurnView(Ids.format(IdKind.INFERENCE_RESULT, turn.id()), turn.index(), turn.status().name(),
                        Formats.input(turn.input()), Objects.requireNonNullElse(turn.actualOutput(), ""),
                        Objects.requireNonNullElse(turn.retrievalContext(), ""),
                        turn.latency() == null ? "—" : Formats.number(turn.latency()) + " ms",
                        Formats.number(turn.usage().inputTokens()), Formats.number(turn.usage().outputTokens()),
                        Formats.number(turn.usage().cost()), Formats.time(turn.createdAt()), turn.error(),
                        byTurn.getOrDefault(turn.id(), List.of())))
                .toList();
        model.addAttribute("conversation", new SessionRow(sessionId, Objects.requireNonNullElse(session.customId(), ""),
                names.versionLabels(caller, List.of(version)).get(version.id()), session.status().name(),
                Objects.requireNonNullElse(session.testCaseId(), ""), Formats.time(session.createdAt())));
        model.addAttribute("versionId", Names.versionId(version.id()));
        model.addAttribute("turns", turnViews);
        model.addAttribute("conversationEvaluations", conversationLevel);
        return "ui/conversation";
    }

    static EvaluationView evaluationView(Evaluation evaluation, Map<UUID, String> metricNames) {
        String judgeTokens = evaluation.inputTokens() == null && evaluation.outputTokens() == null ? "—"
                : Formats.number(evaluation.inputTokens()) + " in / " + Formats.number(evaluation.outputTokens()) + " out";
        return new EvaluationView(Ids.format(IdKind.EVALUATION, evaluation.id()),
                metricNames.getOrDefault(evaluation.metricId(), "deleted metric"), evaluation.status().name(),
                Formats.score(evaluation.score()), Objects.requireNonNullElse(evaluation.reason(), ""), evaluation.error(),
                evaluation.judgeModel(), judgeTokens, Formats.number(evaluation.creditsUsed()),
                evaluation.humanScore() == null ? null : Formats.score(evaluation.humanScore()), evaluation.humanReason(),
                Ids.format(IdKind.SESSION, evaluation.sessionId()),
                evaluation.inferenceResultId() == null ? null : Ids.format(IdKind.INFERENCE_RESULT, evaluation.inferenceResultId()),
                Formats.time(evaluation.createdAt()));
    }

    private static SessionStatus sessionStatus(String status) {
        try {
            return SessionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField("status", "must be one of PENDING, COMPLETED, FAILED");
        }
    }
}
