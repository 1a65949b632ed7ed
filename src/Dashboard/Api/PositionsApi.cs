using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Fleet;
using Telematics.Dashboard.Hosting;
using Telematics.Dashboard.Localization;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Api;

/// <summary><c>/api/v1/positions</c> and <c>/api/v1/vehicles/{deviceId}/position</c>: the live last position of every vehicle. Needs <c>positions:read</c>.</summary>
public static class PositionsApi
{
    public const int DefaultPageSize = 100;

    public static void MapPositionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/positions", List)
            .WithTags("Positions")
            .RequireApiScope(ApiScopes.PositionsRead)
            .WithName("listPositions")
            .WithSummary("The newest position of every vehicle, by device id")
            .WithDescription("Live state: each vehicle's newest report by device time, with plate, operator and driver from the device registry.")
            .Produces<ApiPage<ApiPosition>>()
            .ProducesValidationProblem()
            .WithApiErrors();
        api.MapGet("/vehicles/{deviceId}/position", Get)
            .WithTags("Positions")
            .RequireApiScope(ApiScopes.PositionsRead)
            .WithName("getVehiclePosition")
            .WithSummary("The newest position of one vehicle")
            .Produces<ApiPosition>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithApiErrors();
    }

    private static IResult List(
        HttpRequest request,
        IFleetView fleet,
        IOptions<DashboardOptions> options,
        [Description("Only this operator's vehicles"), FromQuery(Name = "operator")] string? operatorName,
        [Description("1-based page number (default 1)")] string? page,
        [Description("Vehicles per page, 1 to 500 (default 100)")] string? pageSize)
    {
        var query = new ApiQuery(TimeZones.Find(options.Value.TimeZone));
        var pageNumber = query.Int("page", page, 1, 1, int.MaxValue);
        var size = query.Int("pageSize", pageSize, DefaultPageSize, 1, Ingest.Cases.CaseQuery.MaxPageSize);
        if (!query.Valid)
        {
            return ApiProblems.BadParameters(query.Errors);
        }

        var vehicles = fleet.Vehicles()
            .Where(v => string.IsNullOrEmpty(operatorName) || string.Equals(v.Operator, operatorName, StringComparison.Ordinal))
            .OrderBy(v => v.DeviceId, StringComparer.Ordinal)
            .ToList();
        var items = vehicles.Skip((int)Math.Min(int.MaxValue, (pageNumber - 1L) * size)).Take(size).Select(ApiPosition.From).ToList();
        return Results.Ok(ApiPage<ApiPosition>.For(request, items, pageNumber, size, vehicles.Count));
    }

    private static IResult Get([Description("The device (IMEI or terminal number)")] string deviceId, IFleetView fleet) =>
        fleet.Vehicle(deviceId) is { } vehicle
            ? Results.Ok(ApiPosition.From(vehicle))
            : ApiProblems.NotFound($"no position of device {deviceId}: unknown, or it has not reported since the worker started");
}
