using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TradAI.Config.Web.Api;
using TradAI.Config.Web.Api.Contracts;
using TradAI.Config.Web.Catalog;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Pages;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web;

/// <summary>
/// The config console as two calls any ASP.NET Core host makes: <see cref="AddTradaiConsole"/> registers the stores,
/// authentication, antiforgery and JSON; <see cref="UseTradaiConsole"/> adds the pipeline and every route.
/// <c>tradai serve</c> hosts it on Kestrel; tests host it on a test server.
/// </summary>
public static class ConsoleApp
{
    /// <summary>Data protection's application name: every console sharing a key folder reads the others' cookies, whatever its path.</summary>
    private const string DataProtectionApplication = "tradai-console";

    /// <summary>Registers the console's services.</summary>
    public static IServiceCollection AddTradaiConsole(this IServiceCollection services, ConsoleStores stores, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(stores);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StrategyCatalog>();
        services.AddRouting();
        services.AddProblemDetails();
        services.AddExceptionHandler<ConsoleExceptionHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ConsoleJsonContext.Default));
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TradAI config console";
            document.Info.Description = "Config versions: review, diff, activate (conditionally, with If-Match) and roll back. Errors are RFC 9457 problems.";
            return Task.CompletedTask;
        }));

        // Sessions and antiforgery tokens are signed with data-protection keys: in a shared folder when one is given (restarts
        // and replicas keep sessions), else in memory for the process's lifetime.
        var dataProtection = services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        if (options.KeysDirectory is { } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        else
        {
            dataProtection.UseEphemeralDataProtectionProvider();
        }

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "tradai_console_af";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__af";
            antiforgery.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response
        });
        ConsoleAuthentication.Add(services, options);

        // Bounds: a document within the CLI's limit plus form overhead; no multipart uploads.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = options.Input.MaxDocumentBytes;
            form.MultipartBodyLengthLimit = options.MaxRequestBodyBytes;
            form.ValueCountLimit = 16;
            form.KeyLengthLimit = 64;
        });
        return services;
    }

    /// <summary>Adds the console's middleware and routes (error handling, headers, body limit, authentication, authorization).</summary>
    public static IApplicationBuilder UseTradaiConsole(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<ConsoleOptions>();
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseExceptionHandler();
        app.Use((context, next) =>
        {
            // Servers without Kestrel's limit (test servers, IIS) get the same bound per request.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.MaxRequestBodyBytes;
            }

            return next(context);
        });
        app.UseStatusCodePages(StatusCodePages.WriteAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            ApiEndpoints.Map(endpoints);
            PageEndpoints.Map(endpoints);
            endpoints.MapOpenApi("/openapi/{documentName}.json");
        });
        return app;
    }
}
