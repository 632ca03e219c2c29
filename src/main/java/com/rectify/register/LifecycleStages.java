package com.rectify.register;

import com.rectify.evidence.EvidenceState;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.api.RecommendationDetail;
import com.rectify.recommendation.api.RecommendationDetail.StatusChangeView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a recommendation stands, as the stages a person knows (agree, implement, submit evidence, audit review,
 * a senior officer's decision on the risk, closed) rather than as the engine's steps. Read from the register:
 * its status now, the statuses it has passed through, and whether a file waits to be submitted. The stages are
 * those of the way it is going: the risk decision only when it went (or goes) that way, the implementation only
 * when it was reached on a way that ended otherwise.
 */
final class LifecycleStages {

  /** Before the stage it stands at, the stage itself, after it. */
  enum State {
    DONE("done"), CURRENT("current step"), ENDED("where it ended"), TO_COME("still to come");

    private final String words;

    State(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** One stage: its name, who acts at it (blank for the closing one), how far it is, and a note on how it went. */
  record Stage(String name, String who, State state, String note) {
    public boolean current() {
      return state == State.CURRENT || state == State.ENDED;
    }
  }

  private enum Kind {
    AGREE("Agree the action", "the lead officer"),
    IMPLEMENT("Implement the action", "the lead officer"),
    SUBMIT("Submit evidence", "the lead officer"),
    REVIEW("Audit review of the evidence", "internal audit"),
    RISK("Decide on the risk of not acting", "a senior officer"),
    CLOSED_IMPLEMENTED("Closed: implemented", ""),
    CLOSED_RISK_ACCEPTED("Closed: risk accepted", ""),
    CLOSED_SUPERSEDED("Closed: superseded or withdrawn", "");

    private final String name;
    private final String who;

    Kind(String name, String who) {
      this.name = name;
      this.who = who;
    }
  }

  private static final Set<RecommendationStatus> RISK_WAY =
      EnumSet.of(RecommendationStatus.AWAITING_RISK_ACCEPTANCE, RecommendationStatus.CLOSED_RISK_ACCEPTED);

  private LifecycleStages() {}

  static List<Stage> of(RecommendationStatus status, RecommendationDetail detail) {
    Set<RecommendationStatus> reached = EnumSet.of(status);
    for (StatusChangeView change : detail.statusHistory()) {
      reached.add(change.to());
    }
    boolean implementationReached = reached.contains(RecommendationStatus.IN_IMPLEMENTATION)
        || reached.contains(RecommendationStatus.AWAITING_REVIEW) || reached.contains(RecommendationStatus.CLOSED_IMPLEMENTED);
    boolean reviewReached = reached.contains(RecommendationStatus.AWAITING_REVIEW) || reached.contains(RecommendationStatus.CLOSED_IMPLEMENTED);
    boolean superseded = status == RecommendationStatus.CLOSED_SUPERSEDED;
    boolean riskWay = RISK_WAY.contains(status);

    List<Kind> way = new ArrayList<>(List.of(Kind.AGREE));
    boolean allOfImplementation = !riskWay && !superseded;
    if (allOfImplementation || reviewReached || superseded && implementationReached) {
      way.add(Kind.IMPLEMENT);
    }
    if (allOfImplementation || reviewReached) {
      way.add(Kind.SUBMIT);
      way.add(Kind.REVIEW);
    }
    if (riskWay || superseded && reached.contains(RecommendationStatus.AWAITING_RISK_ACCEPTANCE)) {
      way.add(Kind.RISK);
    }
    way.add(switch (status) {
      case CLOSED_SUPERSEDED -> Kind.CLOSED_SUPERSEDED;
      case AWAITING_RISK_ACCEPTANCE, CLOSED_RISK_ACCEPTED -> Kind.CLOSED_RISK_ACCEPTED;
      default -> Kind.CLOSED_IMPLEMENTED;
    });

    Kind now = standingAt(status, detail, way);
    int at = way.indexOf(now);
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < way.size(); i++) {
      Kind kind = way.get(i);
      State state = i < at ? State.DONE : i > at ? State.TO_COME : status.isClosed() ? State.ENDED : State.CURRENT;
      stages.add(new Stage(kind.name, kind.who, state, note(kind, state, detail)));
    }
    return stages;
  }

  private static Kind standingAt(RecommendationStatus status, RecommendationDetail detail, List<Kind> way) {
    return switch (status) {
      case AWAITING_AGREEMENT -> Kind.AGREE;
      case IN_IMPLEMENTATION -> detail.evidence().stream().anyMatch(e -> EvidenceState.UPLOADED.name().equals(e.state()))
          ? Kind.SUBMIT : Kind.IMPLEMENT;
      case AWAITING_REVIEW -> Kind.REVIEW;
      case AWAITING_RISK_ACCEPTANCE -> Kind.RISK;
      default -> way.get(way.size() - 1);
    };
  }

  private static String note(Kind kind, State state, RecommendationDetail detail) {
    if (kind == Kind.AGREE && state == State.DONE && detail.agreedAction() == null && detail.notAgreedReason() != null) {
      return "management did not agree";
    }
    if (kind == Kind.SUBMIT && state == State.CURRENT) {
      return "a file is uploaded and waits to be submitted";
    }
    return "";
  }
}
