using Tessera.Web;

var app = TesseraWebApp.Create(args);
app.Run();

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
