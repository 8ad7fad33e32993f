using Tessera.Linkage.Inference;

namespace Tessera.Linkage.Training;

/// <summary>The trained model and the EM iterations all sessions took together.</summary>
internal sealed record TrainingResult(FellegiSunterModel Model, int EmIterations);
