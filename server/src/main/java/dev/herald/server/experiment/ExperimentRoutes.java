package dev.herald.server.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.server.http.ApiError;
import dev.herald.server.http.HttpApi;
import dev.herald.server.http.Keys;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;

/**
 * The experiments in the admin API (Bearer admin key): {@code GET /admin/experiments} lists the definitions with
 * their status (scheduled, running, ended) in engine time; {@code GET /admin/experiments/{name}} is an experiment's
 * report, as {@code herald experiments report NAME --json} prints it.
 */
public final class ExperimentRoutes implements HttpApi.RouteGroup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keys keys;
    private final ExperimentSet experiments;
    private final ExperimentReports reports;
    private final Clock engineTime;

    /** @param engineTime the service's clock: engine time in event-time mode, else the wall clock */
    public ExperimentRoutes(Keys keys, ExperimentSet experiments, ExperimentReports reports, Clock engineTime) {
        this.keys = keys;
        this.experiments = experiments;
        this.reports = reports;
        this.engineTime = engineTime;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/experiments", this::list);
        routes.get("/admin/experiments/{name}", this::report);
    }

    private void list(Context ctx) {
        keys.requireAdminKey(ctx.header("Authorization"));
        Instant now = engineTime.instant();
        ArrayNode list = JSON.createArrayNode();
        experiments.all().forEach(experiment -> list.add(ExperimentReport.definition(experiment, now)));
        ctx.json(JSON.createObjectNode().put("engineTime", now.toString()).set("experiments", list));
    }

    private void report(Context ctx) {
        keys.requireAdminKey(ctx.header("Authorization"));
        String name = ctx.pathParam("name");
        Experiment experiment = experiments.find(name).orElseThrow(() -> new ApiError(404, "no experiment " + name
                + (experiments.isEmpty() ? "; none is defined" : "; the experiments are " + experiments.all()
                        .stream().map(Experiment::name).toList())));
        ctx.json(reports.report(experiment, engineTime.instant()).json());
    }
}
