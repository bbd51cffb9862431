/*
 * Builds the shared-runtime add-in: one taskpane.html carries the pane and the custom functions.
 * Also builds preview/index.html, the same two bundles in a plain browser page against an
 * in-browser workbook (src/preview); only its own bundle, preview.js, contains HyperFormula.
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { sources } = require("webpack");
const { localizedMetadata, withPublicUrl } = require("./scripts/lib/addin-metadata");
const { functionSourceFiles } = require("./scripts/lib/function-sources");
const { renderDocs } = require("./scripts/lib/render-docs");
const { devServerHttps } = require("./scripts/lib/dev-certs");
const pkg = require("./package.json");

/** Where the production build will be hosted; set ADDIN_PUBLIC_URL when deploying. */
const PUBLIC_URL = process.env.ADDIN_PUBLIC_URL || pkg.config.public_url;
const LOCALES = ["zh-CN"];

/** Emits functions-<locale>.json and the help pages, and points production assets at PUBLIC_URL. */
class AddinAssetsPlugin {
  constructor({ production }) {
    this.production = production;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinAssetsPlugin", stage: compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const functionsJson = compilation.getAsset("functions.json");
          if (!functionsJson) return; // metadata generation failed; its own errors say why
          const metadata = JSON.parse(functionsJson.source.source().toString());
          for (const locale of LOCALES) {
            const dictionary = JSON.parse(fs.readFileSync(`src/i18n/${locale}/functions.json`, "utf8"));
            try {
              const localized = localizedMetadata(metadata, dictionary, locale);
              compilation.emitAsset(
                `functions-${locale}.json`,
                new sources.RawSource(JSON.stringify(localized, null, 2)),
              );
            } catch (error) {
              compilation.errors.push(new compilation.compiler.webpack.WebpackError(error.message));
            }
          }
          for (const { file, html } of renderDocs()) compilation.emitAsset(file, new sources.RawSource(html));
        },
      );
      if (!this.production) return;
      compilation.hooks.processAssets.tap(
        { name: "AddinAssetsPlugin", stage: compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets).filter((file) => /\.(json|xml)$/.test(file))) {
            const text = compilation.getAsset(name).source.source().toString();
            compilation.updateAsset(name, new sources.RawSource(withPublicUrl(text, PUBLIC_URL)));
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const production = options.mode === "production";
  return {
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/index.ts",
      preview: "./src/preview/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionSourceFiles() }),
      new AddinAssetsPlugin({ production }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions run in the same page as the pane.
        chunks: ["functions", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview/index.html",
        template: "./src/preview/preview.html",
        // The fake host first, then the add-in's own bundles exactly as taskpane.html loads them.
        chunks: ["preview", "functions", "taskpane"],
        chunksSortMode: "manual",
        // Plain scripts at the end of <body> run in order while the document is still loading, so
        // Office.onReady (after DOMContentLoaded) comes once functions.js has registered everything.
        inject: "body",
        scriptLoading: "blocking",
        // The template's <base href="../"> already points at dist/.
        publicPath: "",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port),
      headers: { "Access-Control-Allow-Origin": "*" },
      // Certificates are only needed (and only generated) when serving.
      server: env.WEBPACK_SERVE ? { type: "https", options: await devServerHttps() } : undefined,
    },
  };
};
