using Tessera.Linkage.Inference;

namespace Tessera.Linkage.Training;

/// <summary>
/// The trained model, each candidate pair's weight under it without the prior (so scoring need
/// not compare again), and the EM iterations all sessions took together.
/// </summary>
internal sealed record TrainingResult(FellegiSunterModel Model, double[] Evidence, int EmIterations);
