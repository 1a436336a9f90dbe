package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.evaluation.Evaluation;
import dev.assay.evaluation.EvaluationQueryService;
import dev.assay.inference.InferenceResult;
import dev.assay.inference.InferenceResultService;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.session.Session;
import dev.assay.session.SessionService;
import dev.assay.trace.TraceService;
import dev.assay.trace.TurnSpans;
import dev.assay.web.DashboardViews.EvaluationView;
import dev.assay.web.DashboardViews.SessionRow;
import dev.assay.web.DashboardViews.TurnView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The conversation view: a session's turns in order with input, output, retrieval context, latency,
 * tokens and cost, each turn's evaluations and its spans as a tree.
 */
@Controller
class ConversationPageController {
    private final SessionService sessions;
    private final InferenceResultService turns;
    private final EvaluationQueryService evaluations;
    private final ProductService products;
    private final TraceService traces;
    private final Names names;

    ConversationPageController(SessionService sessions, InferenceResultService turns, EvaluationQueryService evaluations,
            ProductService products, TraceService traces, Names names) {
        this.sessions = sessions;
        this.turns = turns;
        this.evaluations = evaluations;
        this.products = products;
        this.traces = traces;
        this.names = names;
    }

    @GetMapping("/ui/sessions/{sessionId}")
    String conversation(Caller caller, @PathVariable String sessionId, Model model) {
        Session session = sessions.get(caller, sessionId);
        Version version = products.getVersionById(caller, session.versionId());
        List<InferenceResult> sessionTurns = turns.listSessionTurns(caller, session.id());
        List<Evaluation> sessionEvaluations = new ArrayList<>();
        evaluations.list(caller, Params.of("sessionIds", sessionId, "sort", "createdAt", "limit", "10000").query(),
                sessionEvaluations::add);
        Map<UUID, String> metricNames = names.metrics(caller,
                sessionEvaluations.stream().map(Evaluation::metricId).collect(Collectors.toSet()));
        Map<UUID, List<EvaluationView>> byTurn = new HashMap<>();
        List<EvaluationView> conversationLevel = new ArrayList<>();
        for (Evaluation evaluation : sessionEvaluations) {
            EvaluationView view = evaluationView(evaluation, metricNames);
            if (evaluation.inferenceResultId() == null) {
                conversationLevel.add(view);
            } else {
                byTurn.computeIfAbsent(evaluation.inferenceResultId(), id -> new ArrayList<>()).add(view);
            }
        }
        Map<UUID, TurnSpans> spans = traces.spansOfTurns(caller, sessionTurns.stream().map(InferenceResult::id).toList());
        List<TurnView> turnViews = sessionTurns.stream()
                .map(turn -> new TurnView(Ids.format(IdKind.INFERENCE_RESULT, turn.id()), turn.index(), turn.status().name(),
                        Formats.input(turn.content().input()), Objects.requireNonNullElse(turn.content().actualOutput(), ""),
                        Objects.requireNonNullElse(turn.content().retrievalContext(), ""),
                        turn.measurements().latency() == null ? "—" : Formats.number(turn.measurements().latency()) + " ms",
                        Formats.number(turn.measurements().usage().inputTokens()),
                        Formats.number(turn.measurements().usage().outputTokens()),
                        Formats.number(turn.measurements().usage().cost()), Formats.time(turn.createdAt()), turn.error(),
                        byTurn.getOrDefault(turn.id(), List.of()),
                        SpanTree.of(spans.getOrDefault(turn.id(), TurnSpans.NONE).spans()),
                        Math.max(0, spans.getOrDefault(turn.id(), TurnSpans.NONE).spans().size() - SpanTree.MAX_SPANS)))
                .toList();
        model.addAttribute("conversation", new SessionRow(sessionId, Objects.requireNonNullElse(session.details().customId(), ""),
                names.versionLabels(caller, List.of(version)).getOrDefault(version.id(), version.name()), session.status().name(),
                Objects.requireNonNullElse(session.details().testCaseId(), ""), Formats.time(session.createdAt())));
        model.addAttribute("versionId", Names.versionId(version.id()));
        model.addAttribute("turns", turnViews);
        model.addAttribute("conversationEvaluations", conversationLevel);
        return "ui/conversation";
    }

    static EvaluationView evaluationView(Evaluation evaluation, Map<UUID, String> metricNames) {
        Evaluation.Outcome outcome = evaluation.outcome();
        Evaluation.JudgeUsage judge = evaluation.judgeUsage();
        Evaluation.HumanReview human = evaluation.humanReview();
        String judgeTokens = judge.inputTokens() == null && judge.outputTokens() == null
                ? "—"
                : Formats.number(judge.inputTokens()) + " in / " + Formats.number(judge.outputTokens()) + " out";
        return new EvaluationView(Ids.format(IdKind.EVALUATION, evaluation.id()),
                metricNames.getOrDefault(evaluation.metricId(), "deleted metric"), outcome.status().name(),
                Formats.score(outcome.score()), Objects.requireNonNullElse(outcome.reason(), ""), outcome.error(),
                judge.judgeModel(), judgeTokens, Formats.number(judge.creditsUsed()),
                human.humanScore() == null ? null : Formats.score(human.humanScore()), human.humanReason(),
                Ids.format(IdKind.SESSION, evaluation.sessionId()),
                evaluation.inferenceResultId() == null ? null : Ids.format(IdKind.INFERENCE_RESULT, evaluation.inferenceResultId()),
                Formats.time(evaluation.createdAt()));
    }
}
