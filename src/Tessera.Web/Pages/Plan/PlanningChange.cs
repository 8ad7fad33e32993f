using Tessera.Storage.Access;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Pages.Plan;

/// <summary>How the planning pages run a change and turn a refusal into what the user is told.</summary>
internal static class PlanningChange
{
    /// <summary>
    /// Runs <paramref name="change"/>; null when it was made, otherwise the answer: 404 for another
    /// agency's assessment or one that does not exist, 403 with <paramref name="readOnly"/> for a
    /// role that may only read, 400 with what is wrong with what was entered.
    /// </summary>
    public static (int Status, string? Problem)? Attempt(Action change, string readOnly)
    {
        try
        {
            change();
            return null;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return (StatusCodes.Status404NotFound, null);
        }
        catch (AccessDeniedException)
        {
            return (StatusCodes.Status403Forbidden, readOnly);
        }
        catch (WorkspaceException e)
        {
            return (StatusCodes.Status400BadRequest, e.Message);
        }
    }
}
