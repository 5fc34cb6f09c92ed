package jp.kakehashi.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.pair.OfficeStatus;
import jp.kakehashi.pair.PairStatus;

/**
 * The dashboard's four charts and the tables beside them, from the offices' status: items per state
 * per office, approvals per week (the offices together), median claim-to-approval time and overdue
 * claims per office.
 */
final class DashboardCharts {
    private DashboardCharts() {
    }

    /** A week's approvals, for the table beside the chart. */
    record WeekRow(LocalDate weekOf, int approved) {
    }

    /** An office's median and overdue claims, for the table beside those charts. */
    record OfficeRow(String office, Double medianHours, int overdue) {
    }

    static Map<String, Object> of(List<OfficeStatus.StatusView> statuses, Texts t) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<String> offices = statuses.stream().map(s -> t.office(s.office())).toList();
        List<PairStatus> states = List.of(PairStatus.values());
        int[][] counts = new int[statuses.size()][states.size()];
        for (int o = 0; o < statuses.size(); o++) {
            for (int s = 0; s < states.size(); s++) {
                counts[o][s] = statuses.get(o).counts().getOrDefault(states.get(s), 0);
            }
        }
        List<String> stateNames = states.stream().map(s -> t.fmt("pair.status", "status", s.name())).toList();
        model.put("stateChart", Charts.stacked(offices, stateNames, counts));
        model.put("stateNames", stateNames);

        Map<LocalDate, Integer> weeks = new LinkedHashMap<>();
        for (OfficeStatus.StatusView s : statuses) {
            for (OfficeStatus.Week w : s.approvalsPerWeek()) {
                weeks.merge(w.weekOf(), w.approved(), Integer::sum);
            }
        }
        List<WeekRow> weekRows = weeks.entrySet().stream().map(e -> new WeekRow(e.getKey(), e.getValue())).toList();
        model.put("weekRows", weekRows);
        model.put("weekChart", Charts.columns(weekRows.stream().map(w -> w.weekOf().getMonthValue() + "/"
                + w.weekOf().getDayOfMonth()).toList(), weekRows.stream().map(WeekRow::approved).toList(), "series-4"));

        List<OfficeRow> rows = new ArrayList<>();
        for (int o = 0; o < statuses.size(); o++) {
            Long seconds = statuses.get(o).medianClaimToApprovalSeconds();
            rows.add(new OfficeRow(offices.get(o), seconds == null ? null : seconds / 3600.0,
                    statuses.get(o).overdueClaims()));
        }
        model.put("officeRows", rows);
        model.put("medianChart", Charts.columns(offices, rows.stream().map(r -> r.medianHours() == null ? 0.0
                : r.medianHours()).toList(), "series-1"));
        model.put("overdueChart", Charts.columns(offices, rows.stream().map(OfficeRow::overdue).toList(),
                "series-7"));
        return model;
    }
}
