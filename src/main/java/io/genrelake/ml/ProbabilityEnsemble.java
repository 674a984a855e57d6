package io.genrelake.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;

/**
 * A soft-voting ensemble: fits each member classifier on the same rows and predicts the mean of their
 * class probabilities. Members are any estimators with MLlib's probabilistic-classifier columns
 * ({@code probabilityCol}, {@code rawPredictionCol}, {@code predictionCol}), built-in or ours; their
 * hyper-parameters are fixed (cross-validation picks them beforehand, one member at a time).
 *
 * <p>Members are not a {@code Param} (MLlib cannot store a list of estimators as JSON), so this
 * estimator itself is not saved; its fitted {@link ProbabilityEnsembleModel} is, with each member model
 * under its own folder.
 */
public final class ProbabilityEnsemble extends VectorClassifier<ProbabilityEnsemble, ProbabilityEnsembleModel> {
    private static final long serialVersionUID = 1L;

    private final StringArrayParam memberNames;
    private final List<Estimator<?>> members = new ArrayList<>();

    public ProbabilityEnsemble() {
        this(Identifiable.randomUID("ensemble"));
    }

    public ProbabilityEnsemble(String uid) {
        super(uid);
        memberNames = new StringArrayParam(this, "memberNames", "names of the member models, in member order");
        setDefault(memberNames, new String[0]);
    }

    public StringArrayParam memberNames() {
        return memberNames;
    }

    /** Adds a member estimator under a display name (recorded in the model's params). */
    public ProbabilityEnsemble addMember(String name, Estimator<?> member) {
        members.add(member);
        String[] names = $(memberNames);
        String[] more = java.util.Arrays.copyOf(names, names.length + 1);
        more[names.length] = name;
        set(memberNames, more);
        return this;
    }

    public List<Estimator<?>> members() {
        return List.copyOf(members);
    }

    @Override
    public ProbabilityEnsembleModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        requireLabel(dataset.schema());
        if (members.size() < 2) {
            throw new IllegalArgumentException(uid() + ": an ensemble needs at least two members, has "
                    + members.size());
        }
        List<Model<?>> fitted = new ArrayList<>();
        for (Estimator<?> member : members) {
            Estimator<?> configured = member.copy(ParamMap.empty());
            setIfPresent(configured, "featuresCol", getFeaturesCol());
            setIfPresent(configured, "labelCol", getLabelCol());
            fitted.add(configured.fit(dataset));
        }
        return assemble(fitted);
    }

    /**
     * The model {@link #fit} returns, from member models already fitted on the rows it would be given, in
     * member order: cross-validation fits each member on every fold anyway, so the ensemble need not fit
     * them again.
     */
    public ProbabilityEnsembleModel assemble(List<Model<?>> fittedMembers) {
        if (fittedMembers.size() != members.size()) {
            throw new IllegalArgumentException(uid() + ": " + members.size() + " members, but "
                    + fittedMembers.size() + " fitted models given");
        }
        ProbabilityEnsembleModel model = new ProbabilityEnsembleModel(uid(), fittedMembers);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    static void setIfPresent(org.apache.spark.ml.param.Params stage, String param, Object value) {
        if (stage.hasParam(param)) {
            stage.set(stage.getParam(param), value);
        }
    }

    @Override
    public ProbabilityEnsemble copy(ParamMap extra) {
        ProbabilityEnsemble copy = new ProbabilityEnsemble(uid());
        for (Estimator<?> member : members) {
            copy.members.add(member.copy(extra));
        }
        return copyValues(copy, extra);
    }
}
