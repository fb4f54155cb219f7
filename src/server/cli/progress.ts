/** A progress bar on a terminal; a line now and then when the output goes to a file or CI log. */
export function progressReporter(stream: NodeJS.WriteStream = process.stdout) {
  let lastLine = 0;
  return {
    update(read: number, page: number, totalPages: number) {
      if (stream.isTTY) {
        const width = 30;
        const done = Math.round((page / Math.max(1, totalPages)) * width);
        stream.write(
          `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] page ${page}/${totalPages}, ${read} records`,
        );
      } else if (Date.now() - lastLine > 2000 || page === totalPages) {
        lastLine = Date.now();
        stream.write(`page ${page}/${totalPages}, ${read} records\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
