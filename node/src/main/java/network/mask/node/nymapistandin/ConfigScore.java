package network.mask.node.nymapistandin;

import java.util.OptionalLong;

/**
 * nym-api's config score of a described node ({@code calculate_config_score},
 * {@code nym-api/src/node_status_api/cache/config_score.rs}; the record is {@code ConfigScore} in
 * {@code nym-api/nym-api-requests/src/models/node_status.rs}): 0 unless the node runs the
 * {@code nym-node} binary and accepted the operator terms; otherwise
 * {@code penalty ^ (versions_behind ^ penalty_scaling)}. A {@code build_version} semver cannot parse
 * scores 0 with no versions-behind figure.
 */
public record ConfigScore(double score, OptionalLong versionsBehind, boolean selfDescribedApiAvailable,
                   boolean acceptedTermsAndConditions, boolean runsNymNodeBinary) {

    /** {@code VersionScoreFormulaParams}; nym's defaults are 0.995 and 1.65. */
    public record FormulaParams(double penalty, double penaltyScaling) {
        public static final FormulaParams DEFAULT = new FormulaParams(0.995, 1.65);
    }

    public static ConfigScore unavailable() {
        return new ConfigScore(0, OptionalLong.empty(), false, false, false);
    }

    public static ConfigScore of(DescribedNode node, NymNodeVersionHistory history, NymNodeVersionHistory.Weights weights,
                          FormulaParams formula) {
        Semver version;
        try {
            version = Semver.parse(node.buildVersion());
        } catch (IllegalArgumentException e) {
            return new ConfigScore(0, OptionalLong.empty(), true, false, false);   // ConfigScore::bad_semver
        }
        long behind = history.versionsBehind(version, weights);
        boolean runsNymNode = node.binaryName().equals("nym-node");
        boolean accepted = node.acceptedOperatorTerms();
        double score = runsNymNode && accepted
                ? Math.pow(formula.penalty(), Math.pow(behind, formula.penaltyScaling())) : 0;
        return new ConfigScore(score, OptionalLong.of(behind), true, accepted, runsNymNode);
    }

    /** With nym's default weights and formula. */
    public static ConfigScore of(DescribedNode node, NymNodeVersionHistory history) {
        return of(node, history, NymNodeVersionHistory.Weights.DEFAULT, FormulaParams.DEFAULT);
    }
}
