using Tessera.Storage.Access;
using Tessera.Storage.Payments;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// How the JSON APIs answer a use case's refusals, once for all of them: not found (outside the
/// token's scope, or no such thing: the same answer) 404, not allowed 403 with the reason, a locked
/// statement 409, input the workspace refuses 400.
/// </summary>
internal static class ApiAnswer
{
    /// <summary>The answer of <paramref name="work"/>, or the refusal's; <paramref name="what"/> names what was not found, e.g. "contract".</summary>
    public static IResult Of(string what, Func<IResult> work)
    {
        try
        {
            return work();
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return Results.Problem($"There is no such {what}, or it is not one this token may see.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (AccessDeniedException denied)
        {
            return Results.Problem(denied.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (StatementLockedException locked)
        {
            return Results.Problem(locked.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (WorkspaceException refused)
        {
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
