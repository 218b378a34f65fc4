@echo off
rem The packaged app's command line: runs the bundled CLI with the app's own runtime as plain Node.
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\incubator-workbench.exe" "%~dp0..\app.asar\dist\node\cli.mjs" %*
